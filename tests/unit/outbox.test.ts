import { describe, expect, it } from 'vitest';
import { Outbox, type OutboxStorage, type SendOutcome } from '../../src/learning-record/outbox.ts';
import { sectionCompleted } from '../../src/learning-record/statements.ts';

class MemoryStorage implements OutboxStorage {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
}

const statement = (id: string, user = 'u1') =>
  sectionCompleted({ id: id.padEnd(15, '0'), user, moduleSlug: 'm', sectionId: id, totalSections: 3, language: 'en' });

describe('outbox', () => {
  it('keeps a statement once, even if added twice', () => {
    const box = new Outbox(new MemoryStorage());
    box.add(statement('a'));
    box.add(statement('a'));
    expect(box.pending()).toHaveLength(1);
  });

  it('sends in order and empties on success', async () => {
    const box = new Outbox(new MemoryStorage());
    box.add(statement('a'));
    box.add(statement('b'));
    const sent: string[] = [];
    const report = await box.flush(async (s) => { sent.push(s.id); return { kind: 'stored' }; });
    expect(sent).toEqual(['a'.padEnd(15, '0'), 'b'.padEnd(15, '0')]);
    expect(report).toMatchObject({ waiting: 0 });
    expect(box.pending()).toEqual([]);
  });

  it('keeps everything from the first failure on, to try again later', async () => {
    const storage = new MemoryStorage();
    const box = new Outbox(storage);
    for (const id of ['a', 'b', 'c']) box.add(statement(id));
    let calls = 0;
    const flaky = async (): Promise<SendOutcome> => (++calls === 2 ? { kind: 'retry', reason: 'offline' } : { kind: 'stored' });
    const report = await box.flush(flaky);
    expect(report.stored).toHaveLength(1);
    expect(report.waiting).toBe(2);
    // survives a "reload": a new outbox over the same storage still has them
    expect(new Outbox(storage).pending().map((s) => s.object)).toEqual(['module:m/section:b', 'module:m/section:c']);
  });

  it('drops a statement the server refuses for good, and says why', async () => {
    const box = new Outbox(new MemoryStorage());
    box.add(statement('a'));
    const report = await box.flush(async () => ({ kind: 'rejected', reason: 'object: invalid' }));
    expect(report.rejected).toEqual([{ id: 'a'.padEnd(15, '0'), reason: 'object: invalid' }]);
    expect(box.pending()).toEqual([]);
  });

  it('sends only the signed-in learner\'s statements', async () => {
    const box = new Outbox(new MemoryStorage());
    box.add(statement('a', 'u1'));
    box.add(statement('b', 'u2'));
    const report = await box.flush(async () => ({ kind: 'stored' }), 'u2');
    expect(report.stored).toEqual(['b'.padEnd(15, '0')]);
    expect(box.pending().map((s) => s.user)).toEqual(['u1']);
  });

  it('treats unreadable storage as empty instead of crashing', () => {
    const storage = new MemoryStorage();
    storage.setItem('continuum-outbox', '{not json');
    expect(new Outbox(storage).pending()).toEqual([]);
  });
});
