/**
 * The rules of play of a case simulation, on its structure alone (no texts): which choices a
 * learner can take, what a choice does to the variables and scores, and a replay of a sequence
 * of choices. The XState machine (machine.ts), the analysis and the server (which replays the
 * choices behind a claimed ending before it believes it) all use these.
 * Pure: no DOM, no XState; bundled for the PocketBase hooks.
 */
import type { Condition } from './schema.ts';

/** What play needs of a choice. */
export interface ChoiceRule {
  id: string;
  next: string;
  effects: Record<string, number>;
  points: Partial<Record<string, number>>;
  condition?: Condition | undefined;
  recommended?: boolean;
}

/** What play needs of a scenario: its structure, without any text. */
export interface ScenarioStructure {
  id: string;
  version: number;
  start: string;
  principles: readonly string[];
  variables: Record<string, { initial: number; min: number; max: number }>;
  nodes: Record<string, { choices: readonly ChoiceRule[] }>;
  endings: Record<string, { outcome: 'good' | 'mixed' | 'harmful' }>;
}

const hasOwn = (map: object, key: string) => Object.prototype.hasOwnProperty.call(map, key);

/**
 * Whether `value op threshold` holds: the meaning of a comparison, for the runtime, the
 * analysis (explore.ts) and the server's replay alike.
 * @example compare('>=', 50, 40) // true
 */
export function compare(op: string, value: number, threshold: number): boolean {
  switch (op) {
    case '<': return value < threshold;
    case '<=': return value <= threshold;
    case '>': return value > threshold;
    case '>=': return value >= threshold;
    case '==': return value === threshold;
    case '!=': return value !== threshold;
    default: return false;
  }
}

/**
 * Whether a condition holds for the current variables (an unknown variable reads as 0).
 * @example conditionHolds({ all: [{ variable: 'trust', op: '>=', value: 50 }] }, { trust: 60 }) // true
 */
export function conditionHolds(condition: Condition | undefined, variables: Record<string, number>): boolean {
  if (!condition) return true;
  const test = ({ variable, op, value }: { variable: string; op: string; value: number }) => compare(op, hasOwn(variables, variable) ? variables[variable]! : 0, value);
  return 'all' in condition ? condition.all.every(test) : condition.any.some(test);
}

/** Applies a choice's effects, clamped to each variable's bounds. */
export function applyEffects(scenario: Pick<ScenarioStructure, 'variables'>, variables: Record<string, number>, effects: Record<string, number>): Record<string, number> {
  const next = { ...variables };
  for (const [name, delta] of Object.entries(effects)) {
    if (!hasOwn(scenario.variables, name)) continue;
    const bounds = scenario.variables[name]!;
    const current = hasOwn(next, name) ? next[name]! : bounds.initial;
    next[name] = Math.min(bounds.max, Math.max(bounds.min, current + delta));
  }
  return next;
}

/** The variables at the start. */
export function initialVariables(scenario: Pick<ScenarioStructure, 'variables'>): Record<string, number> {
  return Object.fromEntries(Object.entries(scenario.variables).map(([k, v]) => [k, v.initial]));
}

/** Points per principle at the start (all zero). */
export function initialScores(scenario: Pick<ScenarioStructure, 'principles'>): Record<string, number> {
  return Object.fromEntries(scenario.principles.map((p) => [p, 0]));
}

/** Adds a choice's points to the scores. */
export function addPoints(scores: Record<string, number>, points: Partial<Record<string, number>>): Record<string, number> {
  const next = { ...scores };
  for (const [principle, value] of Object.entries(points)) next[principle] = (hasOwn(next, principle) ? next[principle]! : 0) + (value ?? 0);
  return next;
}

/** The choices a learner can take at a node now (conditions checked). */
export function availableChoices<C extends ChoiceRule>(scenario: { nodes: Record<string, { choices: readonly C[] }> }, nodeId: string, variables: Record<string, number>): C[] {
  const node = hasOwn(scenario.nodes, nodeId) ? scenario.nodes[nodeId] : undefined;
  return (node?.choices ?? []).filter((c) => conditionHolds(c.condition, variables));
}

export type Replay =
  | { ok: true; at: string; ending: string | null; variables: Record<string, number>; scores: Record<string, number> }
  | { ok: false; index: number; reason: string };

/**
 * Plays a sequence of choice ids from the start, as the player would: each choice must be
 * offered where the learner is (its node, its condition). Says where the sequence leads, or
 * which choice could not have been made and why.
 * @example replayChoices(scenario, ['talk-alone', 'call-guardian']) // { ok: true, at: 'safe-handover', ending: 'safe-handover', ... }
 */
export function replayChoices(scenario: ScenarioStructure, choices: readonly string[]): Replay {
  let at = scenario.start;
  let variables = initialVariables(scenario);
  let scores = initialScores(scenario);
  for (const [index, choiceId] of choices.entries()) {
    if (hasOwn(scenario.endings, at)) return { ok: false, index, reason: `choice "${choiceId}" comes after the ending "${at}"` };
    const offered = availableChoices(scenario, at, variables);
    const choice = offered.find((c) => c.id === choiceId);
    if (!choice) return { ok: false, index, reason: `choice "${choiceId}" is not offered at "${at}" at that point` };
    variables = applyEffects(scenario, variables, choice.effects);
    scores = addPoints(scores, choice.points);
    at = choice.next;
  }
  return { ok: true, at, ending: hasOwn(scenario.endings, at) ? at : null, variables, scores };
}

/** A scenario's structure without its texts (what the server keeps of it). */
export function scenarioStructure(s: ScenarioStructure): ScenarioStructure {
  return {
    id: s.id,
    version: s.version,
    start: s.start,
    principles: [...s.principles],
    variables: Object.fromEntries(Object.entries(s.variables).map(([k, v]) => [k, { initial: v.initial, min: v.min, max: v.max }])),
    nodes: Object.fromEntries(Object.entries(s.nodes).map(([id, n]) => [id, {
      choices: n.choices.map((c) => ({
        id: c.id,
        next: c.next,
        effects: { ...c.effects },
        points: { ...c.points },
        ...(c.condition ? { condition: c.condition } : {}),
        ...(c.recommended ? { recommended: true } : {}),
      })),
    }])),
    endings: Object.fromEntries(Object.entries(s.endings).map(([id, e]) => [id, { outcome: e.outcome }])),
  };
}

/** Where following the recommended choices from the start stops, and why. */
export type RecommendedWalk = {
  /** The recommended choices taken, in order. */
  path: string[];
  /** The node or ending where the walk stopped. */
  at: string;
  variables: Record<string, number>;
} & (
  | { stop: 'ending' }
  | { stop: 'loop' }
  | { stop: 'not-one-recommended'; recommended: ChoiceRule[] }
  | { stop: 'not-available'; choice: ChoiceRule }
);

/**
 * Follows the recommended choice at each node from the start: the path the debrief shows as
 * recommended, and what the analysis checks (one recommended choice per node on the way, each
 * available there, no loop, a good ending).
 * @example walkRecommended(scenario) // { path: ['offer-water', 'talk-alone', ...], at: 'safe-handover', stop: 'ending', variables }
 */
export function walkRecommended(s: Pick<ScenarioStructure, 'start' | 'variables' | 'nodes'>): RecommendedWalk {
  const path: string[] = [];
  let at = s.start;
  let variables = initialVariables(s);
  const visited = new Set<string>();
  while (hasOwn(s.nodes, at)) {
    if (visited.has(at)) return { path, at, variables, stop: 'loop' };
    visited.add(at);
    const recommended = s.nodes[at]!.choices.filter((c) => c.recommended);
    if (recommended.length !== 1) return { path, at, variables, stop: 'not-one-recommended', recommended };
    const choice = recommended[0]!;
    if (!availableChoices(s, at, variables).includes(choice)) return { path, at, variables, stop: 'not-available', choice };
    path.push(choice.id);
    variables = applyEffects(s, variables, choice.effects);
    at = choice.next;
  }
  return { path, at, variables, stop: 'ending' };
}

/**
 * The points per principle of a sequence of choices (the recommended path's are the debrief's
 * yardstick).
 * @example pointsOf(scenario, ['offer-water', 'talk-alone']) // { 'child-first': 2, participation: 1 }
 */
export function pointsOf(s: Pick<ScenarioStructure, 'principles' | 'nodes'>, choices: readonly string[]): Record<string, number> {
  const byId = new Map(Object.values(s.nodes).flatMap((n) => n.choices.map((c) => [c.id, c] as const)));
  return choices.reduce((scores, id) => addPoints(scores, byId.get(id)?.points ?? {}), initialScores(s));
}
