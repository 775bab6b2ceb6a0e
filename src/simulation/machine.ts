/**
 * Compiles a validated scenario into an XState 5 machine: nodes are states, endings are final
 * states, a choice is a CHOOSE event whose condition becomes a guard and whose effects and
 * points become an assign action. The context holds the variables, the principle scores and
 * the history of choices. Pure: no DOM.
 */
import { assign, createActor, setup, type SnapshotFrom } from 'xstate';
import type { Choice, Scenario } from './schema.ts';
import { addPoints, applyEffects, conditionHolds, initialScores, initialVariables } from './rules.ts';

export interface HistoryEntry {
  node: string;
  choice: string;
}

export interface ScenarioContext {
  /** This playthrough (xAPI's registration): its statements and its saved run share it. */
  registration: string;
  variables: Record<string, number>;
  scores: Record<string, number>;
  history: HistoryEntry[];
}

export type ChooseEvent = { type: 'CHOOSE'; choice: string };

export { applyEffects, availableChoices, compare, conditionHolds } from './rules.ts';

export function initialContext(scenario: Scenario, registration = ''): ScenarioContext {
  return { registration, variables: initialVariables(scenario), scores: initialScores(scenario), history: [] };
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
        return {
          registration: context.registration,
          variables: applyEffects(scenario, context.variables, choice.effects),
          scores: addPoints(context.scores, choice.points),
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

/**
 * The first snapshot of a new playthrough, with its registration (the machine's own initial
 * context has none: analysis and tests need no playthrough).
 */
export function newPlaythrough(scenario: Scenario, machine: ScenarioMachine, registration: string): ScenarioSnapshot {
  return machine.resolveState({ value: scenario.start, context: initialContext(scenario, registration) });
}

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
 * the scenario (its nodes may have changed) or one that no longer fits the machine (or was
 * saved before playthroughs had a registration).
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
    typeof raw.context?.registration === 'string' && raw.context.registration !== '' &&
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
