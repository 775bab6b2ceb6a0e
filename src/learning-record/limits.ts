/**
 * How much one account may record: a learner at a brisk pace (a knowledge check sends a dozen
 * statements at once, a week of offline work a few hundred) stays well under it; a script
 * hammering from one account does not. Per account, not per address, so a classroom behind one
 * address is never throttled for its numbers. A refused send (429) waits in the outbox and is
 * sent again later, so nothing is lost.
 * Pure: bundled for the statements hook, which keeps the counter in PocketBase's shared store.
 */

export const statementsPerAccountPerMinute = 240;

/**
 * Counts one more statement in the current minute and says whether it may go through.
 * The counter is kept as text ("<minute>:<count>") so the server's store holds a plain value.
 * @example countStatement('29000000:239', 29000000 * 60_000) // { counter: '29000000:240', allowed: true }
 */
export function countStatement(counter: string | null | undefined, nowMs: number, limit = statementsPerAccountPerMinute): { counter: string; allowed: boolean } {
  const minute = Math.floor(nowMs / 60_000);
  const [window, count] = (counter ?? '').split(':').map(Number);
  const current = window === minute && Number.isFinite(count) ? (count as number) : 0;
  if (current >= limit) return { counter: `${minute}:${current}`, allowed: false };
  return { counter: `${minute}:${current + 1}`, allowed: true };
}
