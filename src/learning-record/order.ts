/**
 * The order options and choices are shown in: shuffled per learner and attempt so that the
 * place of the right answer gives nothing away, and the same again for the same seed (a
 * reload, a resumed simulation). Scoring never depends on it: answers are option ids.
 * Pure: used by the quiz and the scenario player.
 */

/** A 32-bit hash of a text (FNV-1a). */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** A small seeded random source (mulberry32): the same seed gives the same numbers. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The items in an order fixed by the seed (Fisher-Yates with a seeded source).
 * @example seededOrder(['a', 'b', 'c', 'd'], 'learner-1/module:m/question:q/attempt:0') // the same order every time for this seed
 */
export function seededOrder<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const next = random(hash(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The seed of one question in one attempt of a knowledge check by one learner.
 * @example orderSeed('u1', 'module:m/question:q', 2) // 'u1|module:m/question:q|2'
 */
export function orderSeed(learner: string, activity: string, attempt: number | string): string {
  return `${learner}|${activity}|${attempt}`;
}
