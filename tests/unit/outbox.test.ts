import { describe, expect, it } from 'vitest';
import { MemoryOutboxStore, Outbox, type SendOutcome } from '../../src/learning-record/outbox.ts';
import { sectionCompleted } from '../../src/learning-record/statements.ts';

const statement = (id: string, user = 'u1') =>
  sectionCompleted({ id: id.padEnd(15, '0'), user, moduleSlug: 'm', sectionId: id, language: 'en' });

describe('outbox', () => {
  it('keeps a statement once, even if added twice', async () => {
    const box = new Outbox(new MemoryOutboxStore());
    await box.add(statement('a'));
    await box.add(statement('a'));
    expect(await box.pending()).toHaveLength(1);
  });

  it('sends in order and empties on success', async () => {
    const box = new Outbox(new MemoryOutboxStore());
    await box.add(statement('a'));
    await box.add(statement('b'));
    const sent: string[] = [];
    const report = await box.flush(async (s) => { sent.push(s.id); return { kind: 'stored' }; });
    expect(sent).toEqual(['a'.padEnd(15, '0'), 'b'.padEnd(15, '0')]);
    expect(report).toMatchObject({ waiting: 0 });
    expect(await box.pending()).toEqual([]);
  });

  it('keeps everything from the first failure on, to try again later', async () => {
    const store = new MemoryOutboxStore();
    const box = new Outbox(store);
    for (const id of ['a', 'b', 'c']) await box.add(statement(id));
    let calls = 0;
    const flaky = async (): Promise<SendOutcome> => (++calls === 2 ? { kind: 'retry', reason: 'offline' } : { kind: 'stored' });
    const report = await box.flush(flaky);
    expect(report.stored).toHaveLength(1);
    expect(report.waiting).toBe(2);
    // survives a "reload": a new outbox over the same store still has them, in order
    expect((await new Outbox(store).pending()).map((s) => s.object)).toEqual(['module:m/section:b', 'module:m/section:c']);
  });

  it('keeps aside a statement the server refuses for good, says why, and goes on with the rest', async () => {
    const box = new Outbox(new MemoryOutboxStore());
    await box.add(statement('a'));
    await box.add(statement('b'));
    const refuseA = async (s: { id: string }): Promise<SendOutcome> => (s.id.startsWith('a') ? { kind: 'rejected', reason: 'object: invalid' } : { kind: 'stored' });
    const report = await box.flush(refuseA, undefined, () => new Date('2026-12-04T10:00:00Z'));
    expect(report.rejected).toEqual([{ id: 'a'.padEnd(15, '0'), reason: 'object: invalid' }]);
    expect(report.stored).toEqual(['b'.padEnd(15, '0')]);
    expect(await box.pending()).toEqual([]);
    expect((await box.refused()).map((r) => [r.statement.id, r.refusal])).toEqual([['a'.padEnd(15, '0'), { reason: 'object: invalid', at: '2026-12-04T10:00:00.000Z' }]]);
    // a refused statement is not sent again by itself
    const sent: string[] = [];
    await box.flush(async (s) => { sent.push(s.id); return { kind: 'stored' }; });
    expect(sent).toEqual([]);
  });

  it('sends a refused statement again when asked, or discards it', async () => {
    const box = new Outbox(new MemoryOutboxStore());
    for (const id of ['a', 'b']) await box.add(statement(id));
    await box.flush(async () => ({ kind: 'rejected', reason: 'signed out' }));
    expect(await box.refused()).toHaveLength(2);
    await box.retry('a'.padEnd(15, '0'));
    const report = await box.flush(async () => ({ kind: 'stored' }));
    expect(report.stored).toEqual(['a'.padEnd(15, '0')]);
    await box.discard('b'.padEnd(15, '0'));
    expect(await box.refused()).toEqual([]);
    expect(await box.pending()).toEqual([]);
  });

  it('sends only the signed-in learner\'s statements', async () => {
    const box = new Outbox(new MemoryOutboxStore());
    await box.add(statement('a', 'u1'));
    await box.add(statement('b', 'u2'));
    const report = await box.flush(async () => ({ kind: 'stored' }), 'u2');
    expect(report.stored).toEqual(['b'.padEnd(15, '0')]);
    expect((await box.pending()).map((s) => s.user)).toEqual(['u1']);
  });

  it('runs one flush at a time, so two islands never send the same statement together', async () => {
    const box = new Outbox(new MemoryOutboxStore());
    for (const id of ['a', 'b']) await box.add(statement(id));
    const sent: string[] = [];
    const slow = async (s: { id: string }): Promise<SendOutcome> => {
      sent.push(s.id);
      await new Promise((r) => setTimeout(r, 5));
      return { kind: 'stored' };
    };
    const [first, second] = await Promise.all([box.flush(slow), box.flush(slow)]);
    expect(sent).toEqual(['a'.padEnd(15, '0'), 'b'.padEnd(15, '0')]);
    expect(first.stored).toHaveLength(2);
    expect(second).toEqual({ stored: [], rejected: [], waiting: 0 });
  });

  it('forgets one user\'s waiting statements (a deleted account), keeping everyone else\'s', async () => {
    const box = new Outbox(new MemoryOutboxStore());
    for (const [id, user] of [['a', 'u1'], ['b', 'u2'], ['c', 'u1']] as const) await box.add(statement(id, user));
    await box.flush(async (s) => (s.id.startsWith('a') ? { kind: 'rejected', reason: 'x' } : { kind: 'retry', reason: 'offline' }), 'u1');
    expect(await box.forget('u1')).toBe(2);
    expect(await box.refused('u1')).toEqual([]);
    expect((await box.pending()).map((s) => s.user)).toEqual(['u2']);
  });
});
