import { describe, expect, it } from 'vitest';
import { countStatement } from '../../src/learning-record/limits.ts';

describe('statements per account', () => {
  it('allows the limit in a minute, refuses the next, and starts again the next minute', () => {
    let counter: string | null = null;
    const minute = 29_000_000 * 60_000;
    const allowed: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const next = countStatement(counter, minute + i * 1000, 3);
      counter = next.counter;
      allowed.push(next.allowed);
    }
    expect(allowed).toEqual([true, true, true, false, false]);
    expect(countStatement(counter, minute + 60_000, 3)).toEqual({ counter: '29000001:1', allowed: true });
    expect(countStatement('garbage', minute, 3).allowed).toBe(true);
  });
});
