/**
 * "Simulate 1,000 learners": random playthroughs of a scenario, each learner taking one of the
 * choices offered at each node with equal chance (conditions respected, effects and points
 * applied by the rules of play in rules.ts), to show a trainer how often each ending is reached
 * and the range of scores per principle, and to warn when clicking at random does well.
 * Seeded (pure-rand's xoroshiro128+), so the same seed gives the same figures.
 * Pure: no DOM; the studio's Simulate tab runs it in the browser.
 */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { addPoints, applyEffects, availableChoices, initialScores, initialVariables, type ScenarioStructure } from './rules.ts';

export type Outcome = 'good' | 'mixed' | 'harmful';

/** Why a playthrough ended without an ending. */
export type Unfinished = 'deadEnd' | 'unknownTarget' | 'tooLong';

export interface SimulationOptions {
  /** How many learners (default 1,000). */
  runs?: number;
  /** The seed of the random choices (default 1): the same seed, the same figures. */
  seed?: number;
  /** Choices one learner makes at most before the run counts as too long (a loop); default 200. */
  maxSteps?: number;
}

export interface EndingFrequency {
  ending: string;
  outcome: Outcome;
  count: number;
  /** count / runs, from 0 to 1. */
  share: number;
}

export interface ScoreRange {
  principle: string;
  min: number;
  max: number;
  mean: number;
}

export interface SimulationResult {
  runs: number;
  seed: number;
  /** Every ending of the scenario, in its order, with how often random learners reached it (0 included). */
  endings: EndingFrequency[];
  /** Runs per outcome, and their share of all runs. */
  outcomes: Record<Outcome, { count: number; share: number }>;
  /** Runs that reached no ending, by reason (a node with no choice available, a choice to no such node, a loop). */
  unfinished: Record<Unfinished, number>;
  /** Per principle, the lowest, highest and mean score of the runs that reached an ending. */
  scores: ScoreRange[];
  /** Choices made per finished run: fewest, most, mean. */
  steps: { min: number; max: number; mean: number };
  /** Set when random clicking reaches a good ending often (see goodShareWarning). */
  warning: { goodShare: number; threshold: number } | null;
}

/**
 * The share of random playthroughs ending well from which the studio warns the trainer: a
 * learner who clicks without reading should rarely end well. One in five is ten times what the
 * built-in cases give by chance (0% to 2% of 1,000 random learners end well in each).
 */
export const goodShareWarning = 0.2;

/** A seed as pure-rand wants it: a 32-bit integer. */
const seedOf = (seed: number) => (Number.isFinite(seed) ? Math.trunc(seed) | 0 : 1);

/**
 * Plays `runs` random learners through the scenario and counts where they end.
 * @example simulatePlaythroughs(scenario, { runs: 1000, seed: 7 }).endings // [{ ending: 'safe-handover', outcome: 'good', count: 41, share: 0.041 }, ...]
 */
export function simulatePlaythroughs(scenario: ScenarioStructure, options: SimulationOptions = {}): SimulationResult {
  const runs = Math.max(0, Math.trunc(options.runs ?? 1000));
  const seed = seedOf(options.seed ?? 1);
  const maxSteps = Math.max(1, Math.trunc(options.maxSteps ?? 200));
  const rng = xoroshiro128plus(seed);
  const has = (map: object, key: string) => Object.prototype.hasOwnProperty.call(map, key);

  const reached = new Map<string, number>(Object.keys(scenario.endings).map((id) => [id, 0]));
  const unfinished: Record<Unfinished, number> = { deadEnd: 0, unknownTarget: 0, tooLong: 0 };
  const low: Record<string, number> = {};
  const high: Record<string, number> = {};
  const sum: Record<string, number> = {};
  const steps = { min: Infinity, max: 0, total: 0 };
  let finished = 0;

  for (let run = 0; run < runs; run++) {
    let at = scenario.start;
    let variables = initialVariables(scenario);
    let scores = initialScores(scenario);
    let taken = 0;
    let stop: Unfinished | null = null;
    while (!has(scenario.endings, at)) {
      if (!has(scenario.nodes, at)) { stop = 'unknownTarget'; break; }
      if (taken >= maxSteps) { stop = 'tooLong'; break; }
      const offered = availableChoices(scenario, at, variables);
      if (offered.length === 0) { stop = 'deadEnd'; break; }
      const choice = offered[uniformInt(rng, 0, offered.length - 1)]!;
      variables = applyEffects(scenario, variables, choice.effects);
      scores = addPoints(scores, choice.points);
      at = choice.next;
      taken++;
    }
    if (stop) {
      unfinished[stop]++;
      continue;
    }
    finished++;
    reached.set(at, (reached.get(at) ?? 0) + 1);
    steps.min = Math.min(steps.min, taken);
    steps.max = Math.max(steps.max, taken);
    steps.total += taken;
    for (const principle of scenario.principles) {
      const score = scores[principle] ?? 0;
      low[principle] = Math.min(low[principle] ?? Infinity, score);
      high[principle] = Math.max(high[principle] ?? -Infinity, score);
      sum[principle] = (sum[principle] ?? 0) + score;
    }
  }

  const share = (count: number) => (runs === 0 ? 0 : count / runs);
  const endings = [...reached].map(([ending, count]) => ({ ending, outcome: scenario.endings[ending]!.outcome, count, share: share(count) }));
  const outcomes = Object.fromEntries((['good', 'mixed', 'harmful'] as const).map((o) => {
    const count = endings.filter((e) => e.outcome === o).reduce((n, e) => n + e.count, 0);
    return [o, { count, share: share(count) }];
  })) as SimulationResult['outcomes'];
  const scores = scenario.principles.map((principle) => finished === 0
    ? { principle, min: 0, max: 0, mean: 0 }
    : { principle, min: low[principle]!, max: high[principle]!, mean: sum[principle]! / finished });
  const goodShare = outcomes.good.share;
  return {
    runs,
    seed,
    endings,
    outcomes,
    unfinished,
    scores,
    steps: finished === 0 ? { min: 0, max: 0, mean: 0 } : { min: steps.min, max: steps.max, mean: steps.total / finished },
    warning: runs > 0 && goodShare >= goodShareWarning ? { goodShare, threshold: goodShareWarning } : null,
  };
}
