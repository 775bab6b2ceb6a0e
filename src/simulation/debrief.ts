/**
 * What the debrief says about a run, and where it sends a learner to learn more. Pure: the
 * player island and the build use it.
 */
import { principleModules, type Principle } from './principles.ts';
import type { Choice, Scenario } from './schema.ts';
import type { HistoryEntry } from './machine.ts';

export interface Correction {
  node: string;
  /** The choice the learner took. */
  chose: string;
  /** The recommended choice at that node. */
  better: Choice;
}

/**
 * The choices the debrief corrects: taken at a node that has a recommended choice, and neither
 * that choice nor one marked `acceptable`.
 * @example corrections(scenario, [{ node: 'arrival', choice: 'check-papers' }]) // [{ node: 'arrival', chose: 'check-papers', better: <offer-water> }]
 */
export function corrections(scenario: Scenario, history: readonly HistoryEntry[]): Correction[] {
  return history.flatMap((h) => {
    const choices = scenario.nodes[h.node]?.choices ?? [];
    const better = choices.find((c) => c.recommended);
    const chose = choices.find((c) => c.id === h.choice);
    if (!better || !chose || chose.id === better.id || chose.acceptable) return [];
    return [{ node: h.node, chose: chose.id, better }];
  });
}

/**
 * The most points a way through the scenario can earn on each principle: the scale the debrief
 * gives each score ("4 of 6"). Conditions are left aside, so no playthrough can score above it;
 * a loop back to a node already on the way adds nothing.
 * @example bestScores(fixture()) // { 'child-first': 10 } (ten nodes, the best choice at each earns 1)
 */
export function bestScores(scenario: Pick<Scenario, 'principles' | 'start' | 'nodes' | 'endings'>): Record<string, number> {
  const memo = new Map<string, Record<string, number>>();
  const onTheWay = new Set<string>();
  const best = (nodeId: string): Record<string, number> => {
    const node = scenario.nodes[nodeId];
    if (!node || onTheWay.has(nodeId)) return {};
    const known = memo.get(nodeId);
    if (known) return known;
    onTheWay.add(nodeId);
    const after = node.choices.map((c) => ({ points: c.points, rest: best(c.next) }));
    onTheWay.delete(nodeId);
    const out = Object.fromEntries(scenario.principles.map((p) => [p, Math.max(...after.map((a) => (a.points[p as Principle] ?? 0) + (a.rest[p] ?? 0)))]));
    memo.set(nodeId, out);
    return out;
  };
  const fromStart = best(scenario.start);
  return Object.fromEntries(scenario.principles.map((p) => [p, Math.max(0, fromStart[p] ?? 0)]));
}

export interface PrincipleResult {
  principle: string;
  score: number;
  /** The most a playthrough can earn on it (bestScores): "score of outOf". */
  outOf: number;
  /** What the recommended path earns on it. */
  recommended: number;
  /** Below the recommended path: the debrief offers lessons about it. */
  missed: boolean;
}

/** A choice that mattered: it earned points, lost points, or had a better choice beside it. */
export interface DecisiveMoment {
  node: string;
  chose: string;
  /** 'well': it earned points and needs no correction; 'better': a recommended choice was better. */
  kind: 'well' | 'better' | 'cost';
  /** The recommended choice at that node, when kind is 'better'. */
  better?: Choice;
}

export interface DebriefSummary {
  outcome: 'good' | 'mixed' | 'harmful';
  principles: PrincipleResult[];
  /** Each choice that mattered once, in the order the learner made them. */
  moments: DecisiveMoment[];
  /** The lessons to read next: each module once, with the missed principles it teaches. */
  readNext: { module: string; principles: string[] }[];
}

/**
 * Everything the debrief says about a finished run, each thing once: the outcome, each
 * principle's score on its scale, the decisive moments and what to read next.
 * @example debriefSummary(scenario, 'good-end', history, scores, recommendedScores, learnMoreModules(scenario))
 * // { outcome: 'good', principles: [{ principle: 'child-first', score: 10, outOf: 10, recommended: 10, missed: false }], moments: [...], readNext: [] }
 */
export function debriefSummary(
  scenario: Scenario,
  ending: string,
  history: readonly HistoryEntry[],
  scores: Record<string, number>,
  recommendedScores: Record<string, number>,
  learnMore: Record<string, readonly string[]>,
): DebriefSummary {
  const end = scenario.endings[ending];
  if (!end) throw new Error(`debriefSummary: "${ending}" is not an ending of ${scenario.id}`);
  const scale = bestScores(scenario);
  const principles = scenario.principles.map((principle) => {
    const score = scores[principle] ?? 0;
    const recommended = recommendedScores[principle] ?? 0;
    return { principle, score, outOf: Math.max(scale[principle] ?? 0, recommended, score), recommended, missed: score < recommended };
  });
  const corrected = new Map(corrections(scenario, history).map((c) => [`${c.node} ${c.chose}`, c.better]));
  const moments = history.flatMap((h): DecisiveMoment[] => {
    const better = corrected.get(`${h.node} ${h.choice}`);
    if (better) return [{ node: h.node, chose: h.choice, kind: 'better', better }];
    const choice = scenario.nodes[h.node]?.choices.find((c) => c.id === h.choice);
    const points = Object.values(choice?.points ?? {}).reduce((a, b) => a + (b ?? 0), 0);
    return points > 0 ? [{ node: h.node, chose: h.choice, kind: 'well' }] : points < 0 ? [{ node: h.node, chose: h.choice, kind: 'cost' }] : [];
  });
  const readNext = new Map<string, string[]>();
  for (const p of principles.filter((r) => r.missed)) {
    for (const module of learnMore[p.principle] ?? []) readNext.set(module, [...(readNext.get(module) ?? []), p.principle]);
  }
  return {
    outcome: end.outcome,
    principles,
    moments,
    readNext: [...readNext].map(([module, ps]) => ({ module, principles: ps })),
  };
}

/**
 * The lesson modules the debrief offers for each principle of a scenario: the scenario's own
 * `learn_more`, else the catalogue's default for the principle (principles.ts).
 * @example learnMoreModules({ principles: ['safety'], learn_more: {} }) // { safety: ['trafficking-and-exploitation'] }
 */
export function learnMoreModules(scenario: Pick<Scenario, 'principles' | 'learn_more'>): Record<string, string[]> {
  return Object.fromEntries(scenario.principles.map((p) => [p, scenario.learn_more?.[p] ?? [principleModules[p as Principle]]]));
}

/**
 * The score of a playthrough (0 to 1): its points per principle against the recommended
 * path's, the debrief's yardstick (the site and a SCORM package report the same).
 * @example playthroughScaled({ safety: 1, participation: 2 }, { safety: 2, participation: 2 }) // 0.75
 */
export function playthroughScaled(scores: Record<string, number>, recommendedScores: Record<string, number>): number {
  const maxTotal = Object.values(recommendedScores).reduce((a, b) => a + Math.max(0, b), 0) || 1;
  const total = Object.values(scores).reduce((a, b) => a + b, 0);
  return Math.max(0, Math.min(1, total / maxTotal));
}
