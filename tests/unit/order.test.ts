import { describe, expect, it } from 'vitest';
import { orderSeed, seededOrder } from '../../src/learning-record/order.ts';

describe('presentation order', () => {
  const options = ['a', 'b', 'c', 'd'];

  it('is the same for the same learner and attempt (a reload), and keeps every item', () => {
    const seed = orderSeed('learner-1', 'module:m/question:q', 0);
    expect(seededOrder(options, seed)).toEqual(seededOrder(options, seed));
    expect([...seededOrder(options, seed)].sort()).toEqual(options);
  });

  it('differs between learners and attempts, and puts the first option first only about a quarter of the time', () => {
    const orders = Array.from({ length: 400 }, (_, i) => seededOrder(options, orderSeed(`learner-${i}`, 'module:m/question:q', 0)).join(''));
    expect(new Set(orders).size).toBeGreaterThan(20);
    const firstStaysFirst = orders.filter((o) => o.startsWith('a')).length / orders.length;
    expect(firstStaysFirst).toBeGreaterThan(0.15);
    expect(firstStaysFirst).toBeLessThan(0.35);
    const attempts = new Set(Array.from({ length: 20 }, (_, attempt) => seededOrder(options, orderSeed('learner-1', 'q', attempt)).join('')));
    expect(attempts.size).toBeGreaterThan(5);
  });
});
