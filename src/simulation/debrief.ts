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
