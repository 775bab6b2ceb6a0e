/**
 * Compiles a validated scenario into an XState 5 machine: nodes are states, endings are final
 * states, a choice is a CHOOSE event whose condition becomes a guard and whose effects and
 * points become an assign action. The context holds the variables, the principle scores and
 * the history of choices. Pure: no DOM.
 */
import { assign, createActor, setup, type SnapshotFrom } from 'xstate';
import type { Choice, Condition, Scenario } from './schema.ts';

export interface HistoryEntry {
  node: string;
  choice: string;
}

export interface ScenarioContext {
  variables: Record<string, number>;
  scores: Record<string, number>;
  history: HistoryEntry[];
}

export type ChooseEvent = { type: 'CHOOSE'; choice: string };

/**
 * Whether `value op threshold` holds: the meaning of a comparison, for the runtime
 * (machine.ts) and the analysis (explore.ts) alike.
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
 * Whether a condition holds for the current variables.
 * @example conditionHolds({ all: [{ variable: 'trust', op: '>=', value: 50 }] }, { trust: 60 }) // true
 */
export function conditionHolds(condition: Condition | undefined, variables: Record<string, number>): boolean {
  if (!condition) return true;
  const test = ({ variable, op, value }: { variable: string; op: string; value: number }) => compare(op, variables[variable] ?? 0, value);
  return 'all' in condition ? condition.all.every(test) : condition.any.some(test);
}

/** Applies a choice's effects, clamped to each variable's bounds. */
export function applyEffects(scenario: Scenario, variables: Record<string, number>, effects: Record<string, number>): Record<string, number> {
  const next = { ...variables };
  for (const [name, delta] of Object.entries(effects)) {
    const bounds = scenario.variables[name];
    if (!bounds) continue;
    next[name] = Math.min(bounds.max, Math.max(bounds.min, (next[name] ?? bounds.initial) + delta));
  }
  return next;
}

export function initialContext(scenario: Scenario): ScenarioContext {
  return {
    variables: Object.fromEntries(Object.entries(scenario.variables).map(([k, v]) => [k, v.initial])),
    scores: Object.fromEntries(scenario.principles.map((p) => [p, 0])),
    history: [],
  };
}

/** The choices a learner can take at a node now (conditions checked). */
export function availableChoices(scenario: Scenario, nodeId: string, variables: Record<string, number>): Choice[] {
  return (scenario.nodes[nodeId]?.choices ?? []).filter((c) => conditionHolds(c.condition, variables));
}

export function compileScenario(scenario: Scenario) {
  const choices = new Map<string, { node: string; choice: Choice }>();
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    for (const choice of node.choices) choices.set(choice.id, { node: nodeId, choice });
  }

  const machineSetup = setup({
    types: {
      context: {} as ScenarioContext,
      events: {} as ChooseEvent,
    },
    guards: {
      choiceAllowed: ({ context, event }, params: { choice: string }) =>
        event.choice === params.choice && conditionHolds(choices.get(params.choice)?.choice.condition, context.variables),
    },
    actions: {
      applyChoice: assign(({ context }, params: { choice: string; node: string }) => {
        const { choice } = choices.get(params.choice)!;
        const scores = { ...context.scores };
        for (const [principle, points] of Object.entries(choice.points)) scores[principle] = (scores[principle] ?? 0) + points;
        return {
          variables: applyEffects(scenario, context.variables, choice.effects),
          scores,
          history: [...context.history, { node: params.node, choice: choice.id }],
        };
      }),
    },
  });

  const states: Record<string, object> = {};
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    states[nodeId] = {
      on: {
        CHOOSE: node.choices.map((choice) => ({
          guard: { type: 'choiceAllowed', params: { choice: choice.id } },
          target: choice.next,
          actions: { type: 'applyChoice', params: { choice: choice.id, node: nodeId } },
        })),
      },
    };
  }
  for (const endingId of Object.keys(scenario.endings)) states[endingId] = { type: 'final' };

  return machineSetup.createMachine({
    id: scenario.id,
    initial: scenario.start,
    context: initialContext(scenario),
    // the states are built from data; their shape is checked by the scenario analysis
    states: states as never,
  });
}

export type ScenarioMachine = ReturnType<typeof compileScenario>;
export type ScenarioSnapshot = SnapshotFrom<ScenarioMachine>;

/** The node or ending id a snapshot is at. */
export function currentStep(snapshot: { value: unknown }): string {
  return String(snapshot.value);
}

/**
 * A saved run: the persisted XState snapshot with the scenario version it was made with.
 */
export interface SavedRun {
  scenario: string;
  version: number;
  snapshot: unknown;
}

/**
 * Restores a saved run, or explains why it starts over: a run saved with another version of
 * the scenario (its nodes may have changed) or one that no longer fits the machine.
 */
export function restoreRun(scenario: Scenario, machine: ScenarioMachine, saved: SavedRun | null | undefined):
  { snapshot: ScenarioSnapshot | null; restarted: false | 'version' | 'invalid' } {
  if (!saved) return { snapshot: null, restarted: false };
  if (saved.scenario !== scenario.id || saved.version !== scenario.version) return { snapshot: null, restarted: 'version' };
  const raw = saved.snapshot as { value?: unknown; status?: unknown; context?: Partial<ScenarioContext> } | null;
  const looksRight =
    raw !== null && typeof raw === 'object' &&
    typeof raw.value === 'string' && (raw.value in scenario.nodes || raw.value in scenario.endings) &&
    (raw.status === 'active' || raw.status === 'done') &&
    typeof raw.context?.variables === 'object' && typeof raw.context?.scores === 'object' && Array.isArray(raw.context?.history);
  if (!looksRight) return { snapshot: null, restarted: 'invalid' };
  try {
    const actor = createActor(machine, { snapshot: saved.snapshot as never });
    actor.start();
    const snapshot = actor.getSnapshot();
    actor.stop();
    const step = currentStep(snapshot);
    if (!(step in scenario.nodes) && !(step in scenario.endings)) return { snapshot: null, restarted: 'invalid' };
    return { snapshot, restarted: false };
  } catch {
    return { snapshot: null, restarted: 'invalid' };
  }
}
