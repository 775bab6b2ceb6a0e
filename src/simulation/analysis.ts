/**
 * Scenario analysis: everything a trainer needs fixed before learners play, each problem with
 * the file and the node/choice/ending id. Explores the real compiled machine with xstate/graph
 * over (node, variables) states, so conditions on variables are taken into account.
 */
import { getShortestPaths } from 'xstate/graph';
import { availableChoices, compileScenario, type ChooseEvent } from './machine.ts';
import type { Overlay, Scenario, ScenarioProblem } from './schema.ts';

export interface ScenarioAnalysis {
  problems: ScenarioProblem[];
  /** The shortest sequence of choice ids that reaches each reachable ending. */
  shortestPaths: Record<string, string[]>;
  /** The recommended choices from the start, and where they lead. */
  recommendedPath: string[];
  reachableNodes: string[];
}

const STATE_LIMIT = 50_000;

function staticProblems(file: string, s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const nodeIds = Object.keys(s.nodes);
  const endingIds = Object.keys(s.endings);
  const targets = new Set([...nodeIds, ...endingIds]);
  for (const id of nodeIds.filter((n) => endingIds.includes(n))) {
    problems.push({ file, where: `nodes.${id}`, reason: `"${id}" is both a node and an ending; give them different ids` });
  }
  if (!s.nodes[s.start]) problems.push({ file, where: 'start', reason: `start "${s.start}" is not a node (nodes: ${nodeIds.join(', ')})` });
  const seenChoices = new Map<string, string>();
  for (const [nodeId, node] of Object.entries(s.nodes)) {
    for (const choice of node.choices) {
      const where = `nodes.${nodeId}.choices.${choice.id}`;
      if (seenChoices.has(choice.id)) problems.push({ file, where, reason: `choice id "${choice.id}" is also used in node "${seenChoices.get(choice.id)}"; choice ids must be unique` });
      seenChoices.set(choice.id, nodeId);
      if (!targets.has(choice.next)) problems.push({ file, where, reason: `next "${choice.next}" is not a node or an ending (unknown target)` });
      for (const [name, delta] of Object.entries(choice.effects)) {
        const bounds = s.variables[name];
        if (!bounds) problems.push({ file, where, reason: `effect on unknown variable "${name}" (variables: ${Object.keys(s.variables).join(', ')})` });
        else if (Math.abs(delta) > bounds.max - bounds.min) problems.push({ file, where, reason: `effect ${delta} on "${name}" is larger than its whole range ${bounds.min}..${bounds.max} (out of bounds)` });
      }
      for (const principle of Object.keys(choice.points)) {
        if (!s.principles.includes(principle as never)) problems.push({ file, where, reason: `points for "${principle}", which is not in this scenario's principles (${s.principles.join(', ')})` });
      }
      const comparisons = choice.condition ? ('all' in choice.condition ? choice.condition.all : choice.condition.any) : [];
      for (const c of comparisons) {
        const bounds = s.variables[c.variable];
        if (!bounds) problems.push({ file, where, reason: `condition on unknown variable "${c.variable}"` });
        else if (c.value < bounds.min || c.value > bounds.max) problems.push({ file, where, reason: `condition compares "${c.variable}" with ${c.value}, outside its bounds ${bounds.min}..${bounds.max}` });
      }
    }
  }
  return problems;
}

function policyProblems(file: string, s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (Object.keys(s.nodes).length < 10) problems.push({ file, where: 'nodes', reason: `a scenario needs at least 10 nodes; it has ${Object.keys(s.nodes).length}` });
  const outcomes = new Set(Object.values(s.endings).map((e) => e.outcome));
  for (const outcome of ['good', 'mixed', 'harmful'] as const) {
    if (!outcomes.has(outcome)) problems.push({ file, where: 'endings', reason: `needs at least one ${outcome} ending` });
  }
  const conditions = Object.values(s.nodes).flatMap((n) => n.choices).filter((c) => c.condition).length;
  if (conditions === 0) problems.push({ file, where: 'nodes', reason: 'needs at least one choice with a condition on a variable' });
  return problems;
}

/** Follows the recommended choice at each node from the start. */
function followRecommended(file: string, s: Scenario): { path: string[]; problems: ScenarioProblem[] } {
  const path: string[] = [];
  const problems: ScenarioProblem[] = [];
  let at = s.start;
  let variables = Object.fromEntries(Object.entries(s.variables).map(([k, v]) => [k, v.initial]));
  const visited = new Set<string>();
  while (s.nodes[at]) {
    if (visited.has(at)) {
      problems.push({ file, where: `nodes.${at}`, reason: 'the recommended path loops back to this node' });
      return { path, problems };
    }
    visited.add(at);
    const recommended = s.nodes[at]!.choices.filter((c) => c.recommended);
    if (recommended.length !== 1) {
      problems.push({ file, where: `nodes.${at}`, reason: `a node on the recommended path needs exactly one recommended choice; it has ${recommended.length}` });
      return { path, problems };
    }
    const choice = recommended[0]!;
    if (!availableChoices(s, at, variables).includes(choice)) {
      problems.push({ file, where: `nodes.${at}.choices.${choice.id}`, reason: 'the recommended choice is not available when following the recommended path (its condition fails)' });
      return { path, problems };
    }
    path.push(choice.id);
    for (const [name, delta] of Object.entries(choice.effects)) {
      const b = s.variables[name];
      if (b) variables = { ...variables, [name]: Math.min(b.max, Math.max(b.min, (variables[name] ?? b.initial) + delta)) };
    }
    at = choice.next;
  }
  const ending = s.endings[at];
  if (ending && ending.outcome !== 'good') {
    problems.push({ file, where: `endings.${at}`, reason: `the recommended path ends in a ${ending.outcome} ending; it must end well` });
  }
  return { path, problems };
}

/** Missing and extra translation keys of one overlay. */
export function overlayProblems(file: string, s: Scenario, overlay: Overlay): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const need = (where: string, present: unknown) => {
    if (typeof present !== 'string' || present.trim() === '') problems.push({ file, where, reason: 'missing translation' });
  };
  need('title', overlay.title);
  need('summary', overlay.summary);
  for (const [nodeId, node] of Object.entries(s.nodes)) {
    const o = overlay.nodes?.[nodeId];
    need(`nodes.${nodeId}.text`, o?.text);
    if (node.speaker) need(`nodes.${nodeId}.speaker`, o?.speaker);
    if (node.image_alt) need(`nodes.${nodeId}.image_alt`, o?.image_alt);
    for (const choice of node.choices) {
      need(`nodes.${nodeId}.choices.${choice.id}.label`, o?.choices?.[choice.id]?.label);
      need(`nodes.${nodeId}.choices.${choice.id}.feedback`, o?.choices?.[choice.id]?.feedback);
    }
    for (const extra of Object.keys(o?.choices ?? {}).filter((c) => !node.choices.some((x) => x.id === c))) {
      problems.push({ file, where: `nodes.${nodeId}.choices.${extra}`, reason: 'extra key: no such choice in scenario.yaml' });
    }
  }
  for (const extra of Object.keys(overlay.nodes ?? {}).filter((n) => !s.nodes[n])) {
    problems.push({ file, where: `nodes.${extra}`, reason: 'extra key: no such node in scenario.yaml' });
  }
  for (const endingId of Object.keys(s.endings)) {
    need(`endings.${endingId}.title`, overlay.endings?.[endingId]?.title);
    need(`endings.${endingId}.text`, overlay.endings?.[endingId]?.text);
  }
  for (const extra of Object.keys(overlay.endings ?? {}).filter((e) => !s.endings[e])) {
    problems.push({ file, where: `endings.${extra}`, reason: 'extra key: no such ending in scenario.yaml' });
  }
  return problems;
}

/**
 * Analyses a scenario (and its overlays): unknown targets, unreachable nodes, dead ends,
 * endings that can never be reached, variables out of bounds, the recommended path, and
 * missing or extra translation keys.
 */
export function analyseScenario(file: string, s: Scenario, overlays: Record<string, Overlay> = {}, overlayFile = (lang: string) => file.replace(/scenario\.yaml$/, `${lang}.yaml`)): ScenarioAnalysis {
  const problems = staticProblems(file, s);
  const result: ScenarioAnalysis = { problems, shortestPaths: {}, recommendedPath: [], reachableNodes: [] };
  for (const [lang, overlay] of Object.entries(overlays)) problems.push(...overlayProblems(overlayFile(lang), s, overlay));
  if (problems.some((p) => p.reason.includes('unknown target') || p.where === 'start' || p.reason.includes('both a node and an ending'))) {
    return result; // the machine cannot be built until these are fixed
  }
  problems.push(...policyProblems(file, s));

  const machine = compileScenario(s);
  const paths = getShortestPaths(machine, {
    events: (snapshot) => (s.nodes[String(snapshot.value)]?.choices ?? []).map((c): ChooseEvent => ({ type: 'CHOOSE', choice: c.id })),
    serializeState: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.variables]),
    limit: STATE_LIMIT,
  });

  const reachable = new Set<string>();
  for (const path of paths) {
    const at = String(path.state.value);
    reachable.add(at);
    if (s.nodes[at] && availableChoices(s, at, path.state.context.variables).length === 0) {
      const vars = Object.entries(path.state.context.variables).map(([k, v]) => `${k}=${v}`).join(', ');
      problems.push({ file, where: `nodes.${at}`, reason: `dead end: no choice is available when ${vars} (reached by ${path.steps.map((st) => (st.event as ChooseEvent).choice).filter(Boolean).join(' → ') || 'the start'})` });
    }
    if (s.endings[at]) {
      const choices = path.steps.map((st) => (st.event as ChooseEvent).choice).filter(Boolean);
      const best = result.shortestPaths[at];
      if (!best || choices.length < best.length) result.shortestPaths[at] = choices;
    }
  }
  // one report per dead-end node is enough
  const seenDeadEnds = new Set<string>();
  result.problems = problems.filter((p) => {
    if (!p.reason.startsWith('dead end')) return true;
    if (seenDeadEnds.has(p.where)) return false;
    seenDeadEnds.add(p.where);
    return true;
  });
  for (const nodeId of Object.keys(s.nodes)) {
    if (!reachable.has(nodeId)) result.problems.push({ file, where: `nodes.${nodeId}`, reason: 'unreachable: no sequence of choices from the start leads here' });
  }
  for (const endingId of Object.keys(s.endings)) {
    if (!reachable.has(endingId)) result.problems.push({ file, where: `endings.${endingId}`, reason: 'this ending can never be reached' });
  }
  const recommended = followRecommended(file, s);
  result.recommendedPath = recommended.path;
  result.problems.push(...recommended.problems);
  result.reachableNodes = [...reachable].filter((n) => s.nodes[n]).sort();
  return result;
}
