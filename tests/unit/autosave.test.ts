/**
 * Autosave of a studio draft: debounced, one save at a time with the latest text and the
 * revision it edits; a conflict stops saving and keeps the text; a lost connection retries.
 */
import { describe, expect, it, vi, afterEach, beforeEach } from 'vitest';
import { Autosave, type SaveOutcome, type SaveState } from '../../src/islands/studio/lib/autosave.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A server that keeps one text and its revision, like scenario_drafts with the studio hook. */
function fakeServer() {
  const server = { text: '', revision: 1, saves: [] as { text: string; revision: number }[], next: [] as SaveOutcome[] };
  const save = vi.fn(async (text: string, revision: number): Promise<SaveOutcome> => {
    await Promise.resolve();
    server.saves.push({ text, revision });
    const forced = server.next.shift();
    if (forced) return forced;
    if (revision !== server.revision) return { ok: false, conflict: true, reason: `Samir saved revision ${server.revision}` };
    server.text = text;
    server.revision += 1;
    return { ok: true, revision: server.revision };
  });
  return { server, save };
}

function setup() {
  const { server, save } = fakeServer();
  const states: SaveState[] = [];
  const autosave = new Autosave<string>({ revision: 1, save, onState: (s) => states.push(s), delay: 1000, retryDelays: [2000, 5000] });
  return { server, save, states, autosave };
}

describe('Autosave', () => {
  it('saves once after a pause in typing, with the latest text and the revision it edits', async () => {
    const { server, save, states, autosave } = setup();
    autosave.change('a');
    autosave.change('ab');
    await vi.advanceTimersByTimeAsync(900);
    autosave.change('abc');
    await vi.advanceTimersByTimeAsync(900);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(server.saves).toEqual([{ text: 'abc', revision: 1 }]);
    expect(states.at(-1)).toEqual({ kind: 'saved', revision: 2 });
    expect(autosave.unsaved).toBe(false);
  });

  it('a change while saving is saved next, with the new revision; never two saves at once', async () => {
    const { server, autosave } = setup();
    autosave.change('first');
    await vi.advanceTimersByTimeAsync(1000);
    autosave.change('second');
    await autosave.flush();
    expect(server.saves).toEqual([{ text: 'first', revision: 1 }, { text: 'second', revision: 2 }]);
    expect(server.text).toBe('second');
  });

  it('when someone else saved in between: stops, says who, keeps the text, overwrites nothing', async () => {
    const { server, states, autosave } = setup();
    server.revision = 5; // another trainer saved four times
    server.text = 'theirs';
    autosave.change('mine');
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toEqual({ kind: 'conflict', reason: 'Samir saved revision 5' });
    autosave.change('mine, more');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(server.saves).toHaveLength(1);
    expect(server.text).toBe('theirs');
    expect(autosave.unsaved).toBe(true);
    // the trainer chooses to save theirs over the other version
    await autosave.resume(5);
    expect(server.text).toBe('mine, more');
    expect(states.at(-1)).toEqual({ kind: 'saved', revision: 6 });
  });

  it('or loads the saved version: the unsaved text is dropped only then', async () => {
    const { server, autosave, states } = setup();
    server.revision = 3;
    autosave.change('mine');
    await vi.advanceTimersByTimeAsync(1000);
    autosave.discard(3);
    expect(autosave.unsaved).toBe(false);
    expect(states.at(-1)).toEqual({ kind: 'saved', revision: 3 });
    autosave.change('next edit');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.text).toBe('next edit');
  });

  it('a lost connection is tried again later with the latest text', async () => {
    const { server, states, autosave } = setup();
    server.next.push({ ok: false, retry: true, reason: 'offline' });
    autosave.change('draft');
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toEqual({ kind: 'retrying', reason: 'offline', inSeconds: 2 });
    autosave.change('draft 2'); // typing goes on: debounced again
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.text).toBe('draft 2');
    expect(states.at(-1)).toEqual({ kind: 'saved', revision: 2 });
  });

  it('a refused save (bad input) says why and waits for the next change', async () => {
    const { server, states, autosave } = setup();
    server.next.push({ ok: false, retry: false, reason: 'document: too large' });
    autosave.change('huge');
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toEqual({ kind: 'refused', reason: 'document: too large' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.saves).toHaveLength(1);
    expect(autosave.unsaved).toBe(true);
    autosave.change('smaller');
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.text).toBe('smaller');
  });
});
