/**
 * Scenario analysis: everything a trainer needs fixed before learners play, each problem with
 * the file, the node/choice/ending id, the reason and a fix. The states are explored by
 * explore.ts (exact within a budget, a sound over-approximation past it), so conditions on
 * variables are taken into account and a large scenario is checked in bounded time.
 * Pure: no Node, no DOM; the studio runs the same checks in the browser.
 */
import { compare, exploreScenario, type Exploration, type ValueSet } from './explore.ts';
import { markdownProblems, plainTextProblems } from './markdown.ts';
import { walkRecommended } from './rules.ts';
import { builtInVariables, type Choice, type Condition, type Overlay, type Scenario, type ScenarioProblem } from './schema.ts';
import { didYouMean, listOf } from './suggest.ts';

export interface ScenarioAnalysis {
  problems: ScenarioProblem[];
  /** The shortest sequence of choice ids that reaches each reachable ending (a sequence that reaches it, when the analysis was not exact). */
  shortestPaths: Record<string, string[]>;
  /** The recommended choices from the start, and where they lead. */
  recommendedPath: string[];
  reachableNodes: string[];
  /**
   * What the analysis could not prove within its state budget (only for very large
   * scenarios): not errors, but places to check by hand. Each names the node or ending.
   */
  unproven: ScenarioProblem[];
  /** Whether every state was explored (all verdicts exact), and how many were. */
  exact: boolean;
  statesExplored: number;
}

export interface AnalysisOptions {
  /** States explored exactly before the analysis falls back to an over-approximation. */
  stateBudget?: number;
}

const comparisonsOf = (condition: Condition | undefined) => (condition ? ('all' in condition ? condition.all : condition.any) : []);

/**
 * A condition in words.
 * @example describeCondition({ all: [{ variable: 'trust', op: '>=', value: 40 }] }) // 'trust >= 40'
 */
export function describeCondition(condition: Condition): string {
  return comparisonsOf(condition).map((c) => `${c.variable} ${c.op} ${c.value}`).join('all' in condition ? ' and ' : ' or ');
}

function describeSet(set: ValueSet): string {
  const values = set.values();
  if (values.length === 1) return `always ${values[0]}`;
  if (values.length <= 4) return `only ${values.join(', ')}`;
  return `between ${values[0]} and ${values.at(-1)}`;
}

/**
 * Every text of a scenario (or overlay) with where it is and whether it is Markdown (the checks,
 * and the studio's translation table in translation.ts).
 * @example textsOf({ title: 'A case' }) // [{ where: 'title', text: 'A case', markdown: false }]
 */
export function textsOf(s: { title?: string | undefined; summary?: string | undefined; variables?: Record<string, { label?: string | undefined }> | undefined; nodes?: Record<string, { speaker?: string | undefined; text?: string | undefined; image_alt?: string | undefined; choices?: unknown }> | undefined; endings?: Record<string, { title?: string | undefined; text?: string | undefined }> | undefined }): { where: string; text: string; markdown: boolean }[] {
  const out: { where: string; text: string; markdown: boolean }[] = [];
  const add = (where: string, text: string | undefined, markdown = false) => {
    if (typeof text === 'string') out.push({ where, text, markdown });
  };
  add('title', s.title);
  add('summary', s.summary);
  for (const [name, v] of Object.entries(s.variables ?? {})) add(`variables.${name}.label`, v?.label);
  for (const [nodeId, node] of Object.entries(s.nodes ?? {})) {
    add(`nodes.${nodeId}.speaker`, node?.speaker);
    add(`nodes.${nodeId}.text`, node?.text, true);
    add(`nodes.${nodeId}.image_alt`, node?.image_alt);
    const choices = node?.choices;
    const list: [string, { label?: string; feedback?: string }][] = Array.isArray(choices)
      ? (choices as Choice[]).map((c) => [c.id, c])
      : Object.entries((choices ?? {}) as Record<string, { label?: string; feedback?: string }>);
    for (const [choiceId, c] of list) {
      add(`nodes.${nodeId}.choices.${choiceId}.label`, c?.label);
      add(`nodes.${nodeId}.choices.${choiceId}.feedback`, c?.feedback);
    }
  }
  for (const [endingId, e] of Object.entries(s.endings ?? {})) {
    add(`endings.${endingId}.title`, e?.title);
    add(`endings.${endingId}.text`, e?.text, true);
  }
  return out;
}

/** Raw HTML and unsafe links in every text of a scenario or overlay. */
export function textProblems(file: string, s: Parameters<typeof textsOf>[0]): ScenarioProblem[] {
  return textsOf(s).flatMap(({ where, text, markdown }) =>
    (markdown ? markdownProblems(text) : plainTextProblems(text)).map((p) => ({
      file,
      where,
      reason: `${p.reason}${text.includes('\n') ? ` (line ${p.line} of the text)` : ''}`,
      fix: p.fix,
    })),
  );
}

function staticProblems(file: string, s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const nodeIds = Object.keys(s.nodes);
  const endingIds = Object.keys(s.endings);
  const targets = [...nodeIds, ...endingIds];
  const isTarget = new Set(targets);
  const variableNames = Object.keys(s.variables);
  for (const id of nodeIds.filter((n) => endingIds.includes(n))) {
    problems.push({ file, where: `nodes.${id}`, reason: `"${id}" is both a node and an ending`, fix: `rename one of them, e.g. the ending to "${id}-end", and update the choices that lead there` });
  }
  if (!s.nodes[s.start]) {
    problems.push({ file, where: 'start', reason: `start "${s.start}" is not a node`, fix: `${didYouMean(s.start, nodeIds).trim() || 'Name the first node.'} Nodes: ${listOf(nodeIds)}` });
  }
  for (const [name, v] of Object.entries(s.variables)) {
    if (v.label === undefined && !(builtInVariables as readonly string[]).includes(name)) {
      problems.push({
        file,
        where: `variables.${name}`,
        reason: `variable "${name}" has no label, so learners would see "${name}" in every language`,
        fix: `add label: "..." (what the learner sees, e.g. "Child's trust") and translate it under variables.${name}.label in each <lang>.yaml`,
      });
    }
  }
  const seenChoices = new Map<string, string>();
  const scored = new Set<string>();
  for (const [nodeId, node] of Object.entries(s.nodes)) {
    for (const choice of node.choices) {
      const where = `nodes.${nodeId}.choices.${choice.id}`;
      if (seenChoices.has(choice.id)) {
        problems.push({ file, where, reason: `choice id "${choice.id}" is also used in node "${seenChoices.get(choice.id)}"`, fix: 'give each choice its own id in the whole scenario (statements and translations refer to it)' });
      }
      seenChoices.set(choice.id, nodeId);
      if (!isTarget.has(choice.next)) {
        problems.push({
          file,
          where,
          reason: `next "${choice.next}" is not a node or an ending (unknown target)`,
          fix: `${didYouMean(choice.next, targets).trim() || 'Name an existing node or ending, or add one with this id.'} Nodes and endings: ${listOf(targets)}`,
        });
      }
      if (choice.recommended && choice.acceptable) {
        problems.push({ file, where, reason: 'a choice is either recommended or acceptable, not both', fix: 'keep recommended: true for the best choice at this node; acceptable: true is for another good choice' });
      }
      for (const [name, delta] of Object.entries(choice.effects)) {
        const bounds = s.variables[name];
        if (!bounds) {
          problems.push({ file, where, reason: `effect on unknown variable "${name}"`, fix: `${didYouMean(name, variableNames).trim() || `Declare it under variables: (${name}: { label, initial, min, max }).`} Variables: ${variableNames.join(', ') || 'none'}` });
        } else if (Math.abs(delta) > bounds.max - bounds.min) {
          problems.push({ file, where, reason: `effect ${delta} on "${name}" is larger than its whole range ${bounds.min}..${bounds.max} (out of bounds)`, fix: `use an effect between ${bounds.min - bounds.max} and ${bounds.max - bounds.min}` });
        }
      }
      for (const [principle, points] of Object.entries(choice.points)) {
        if (points !== undefined && points !== 0) scored.add(principle);
        if (!s.principles.includes(principle as never)) {
          problems.push({ file, where, reason: `points for "${principle}", which is not in this scenario's principles (${s.principles.join(', ')})`, fix: `add ${principle} to principles, or remove these points` });
        }
      }
      for (const c of comparisonsOf(choice.condition)) {
        const bounds = s.variables[c.variable];
        if (!bounds) {
          problems.push({ file, where, reason: `condition on unknown variable "${c.variable}"`, fix: `${didYouMean(c.variable, variableNames).trim() || `Declare it under variables, or compare another one.`} Variables: ${variableNames.join(', ') || 'none'}` });
        } else if (c.value < bounds.min || c.value > bounds.max) {
          problems.push({ file, where, reason: `condition compares "${c.variable}" with ${c.value}, outside its bounds ${bounds.min}..${bounds.max}`, fix: `compare with a value from ${bounds.min} to ${bounds.max}` });
        }
      }
    }
  }
  for (const principle of s.principles) {
    if (!scored.has(principle)) {
      problems.push({
        file,
        where: 'principles',
        reason: `"${principle}" is declared but no choice scores it, so every learner's score for it is 0`,
        fix: `add points: { ${principle}: 1 } (or -1) to the choices that show it, or remove it from principles`,
      });
    }
  }
  for (const principle of Object.keys(s.learn_more ?? {})) {
    if (!s.principles.includes(principle as never)) {
      problems.push({ file, where: `learn_more.${principle}`, reason: `"${principle}" is not in this scenario's principles, so the debrief never offers these modules`, fix: `add ${principle} to principles, or remove this entry` });
    }
  }
  problems.push(...textProblems(file, s));
  return problems;
}

function policyProblems(file: string, s: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const count = Object.keys(s.nodes).length;
  if (count < 10) problems.push({ file, where: 'nodes', reason: `a scenario needs at least 10 nodes; it has ${count}`, fix: 'add decisions: a scenario is a case with several turning points' });
  const outcomes = new Set(Object.values(s.endings).map((e) => e.outcome));
  for (const outcome of ['good', 'mixed', 'harmful'] as const) {
    if (!outcomes.has(outcome)) problems.push({ file, where: 'endings', reason: `needs at least one ${outcome} ending`, fix: `add an ending with outcome: ${outcome}` });
  }
  const conditions = Object.values(s.nodes).flatMap((n) => n.choices).filter((c) => c.condition).length;
  if (conditions === 0) problems.push({ file, where: 'nodes', reason: 'needs at least one choice with a condition on a variable', fix: 'add condition: { all: [{ variable: trust, op: ">=", value: 40 }] } to a choice that should depend on what happened before' });
  return problems;
}

/** Follows the recommended choice at each node from the start. */
function followRecommended(file: string, s: Scenario): { path: string[]; problems: ScenarioProblem[] } {
  const walk = walkRecommended(s);
  const { path, at } = walk;
  const problems: ScenarioProblem[] = [];
  if (walk.stop === 'loop') {
    problems.push({ file, where: `nodes.${at}`, reason: 'the recommended path loops back to this node', fix: 'the recommended choices must lead forward to a good ending: change which choice is recommended on the loop' });
  } else if (walk.stop === 'not-one-recommended') {
    const recommended = walk.recommended;
    problems.push({
      file,
      where: `nodes.${at}`,
      reason: `a node on the recommended path needs exactly one recommended choice; it has ${recommended.length}${recommended.length ? ` (${recommended.map((c) => c.id).join(', ')})` : ''}`,
      fix: recommended.length ? 'keep recommended: true on the best one and mark the other good ones acceptable: true (the debrief does not correct those)' : 'add recommended: true to the best choice here',
    });
  } else if (walk.stop === 'not-available') {
    const vars = Object.entries(walk.variables).map(([k, v]) => `${k}=${v}`).join(', ');
    problems.push({ file, where: `nodes.${at}.choices.${walk.choice.id}`, reason: `the recommended choice is not available when following the recommended path: it needs ${describeCondition(walk.choice.condition!)}, and there ${vars}`, fix: 'loosen the condition, or raise the effects of the recommended choices before it' });
  } else {
    const ending = s.endings[at];
    if (ending && ending.outcome !== 'good') {
      problems.push({ file, where: `endings.${at}`, reason: `the recommended path ends in a ${ending.outcome} ending; it must end well`, fix: `follow the recommended choices (${path.join(' → ')}) and change one so that the path ends in a good ending` });
    }
  }
  return { path, problems };
}

/** Missing and extra translation keys of one overlay, and raw HTML in its texts. */
export function overlayProblems(file: string, s: Scenario, overlay: Overlay): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const need = (where: string, present: unknown) => {
    if (typeof present !== 'string' || present.trim() === '') problems.push({ file, where, reason: 'missing translation', fix: `add ${where.split('.').at(-1)}: "..." under ${where.split('.').slice(0, -1).join('.') || 'the top level'} (the English text is in scenario.yaml)` });
  };
  const extra = (where: string, what: string) => problems.push({ file, where, reason: `extra key: no such ${what} in scenario.yaml`, fix: `remove it, or check the id against scenario.yaml (ids are never translated)` });
  need('title', overlay.title);
  need('summary', overlay.summary);
  for (const [name, v] of Object.entries(s.variables)) if (v.label !== undefined) need(`variables.${name}.label`, overlay.variables?.[name]?.label);
  for (const name of Object.keys(overlay.variables ?? {}).filter((n) => !s.variables[n]?.label)) {
    if (!s.variables[name]) extra(`variables.${name}`, 'variable');
    else problems.push({ file, where: `variables.${name}.label`, reason: 'a label for a variable that has none in scenario.yaml', fix: `add label: "..." to variables.${name} in scenario.yaml first` });
  }
  for (const [nodeId, node] of Object.entries(s.nodes)) {
    const o = overlay.nodes?.[nodeId];
    need(`nodes.${nodeId}.text`, o?.text);
    if (node.speaker) need(`nodes.${nodeId}.speaker`, o?.speaker);
    if (node.image_alt) need(`nodes.${nodeId}.image_alt`, o?.image_alt);
    for (const choice of node.choices) {
      need(`nodes.${nodeId}.choices.${choice.id}.label`, o?.choices?.[choice.id]?.label);
      need(`nodes.${nodeId}.choices.${choice.id}.feedback`, o?.choices?.[choice.id]?.feedback);
    }
    for (const id of Object.keys(o?.choices ?? {}).filter((c) => !node.choices.some((x) => x.id === c))) extra(`nodes.${nodeId}.choices.${id}`, 'choice');
  }
  for (const id of Object.keys(overlay.nodes ?? {}).filter((n) => !s.nodes[n])) extra(`nodes.${id}`, 'node');
  for (const endingId of Object.keys(s.endings)) {
    need(`endings.${endingId}.title`, overlay.endings?.[endingId]?.title);
    need(`endings.${endingId}.text`, overlay.endings?.[endingId]?.text);
  }
  for (const id of Object.keys(overlay.endings ?? {}).filter((e) => !s.endings[e])) extra(`endings.${id}`, 'ending');
  problems.push(...textProblems(file, overlay));
  return problems;
}

/** Nodes from which no ending can be reached whatever the variables (conditions can only remove ways out). */
function graphTraps(s: Scenario): Set<string> {
  const leadingTo = new Map<string, string[]>();
  for (const [nodeId, node] of Object.entries(s.nodes)) {
    for (const c of node.choices) leadingTo.set(c.next, [...(leadingTo.get(c.next) ?? []), nodeId]);
  }
  const canEnd = new Set(Object.keys(s.endings));
  const queue = [...canEnd];
  for (let i = 0; i < queue.length; i++) {
    for (const from of leadingTo.get(queue[i]!) ?? []) {
      if (!canEnd.has(from)) {
        canEnd.add(from);
        queue.push(from);
      }
    }
  }
  return new Set(Object.keys(s.nodes).filter((n) => !canEnd.has(n)));
}

const valuesText = (values: Record<string, number>) => Object.entries(values).map(([k, v]) => `${k}=${v}`).join(', ') || 'no variables';
const pathText = (path: string[]) => path.join(' → ') || 'the start';

/** Why a choice can never be taken at its node, in words, or undefined when it can. */
function whyNever(x: Exploration, nodeId: string, choice: Choice): string | undefined {
  if (x.offered.has(choice.id)) return undefined; // a real run was offered it
  if (!x.possible.has(nodeId)) return `${choice.id} is in "${nodeId}", which can never be reached itself`;
  if (!choice.condition) return undefined;
  const sets = x.values.get(nodeId);
  if (!sets) return undefined;
  const parts = comparisonsOf(choice.condition).map((c) => {
    const set = sets[c.variable];
    const passes = set ? set.values().some((v) => compare(c.op, v, c.value)) : false;
    return { c, set, passes };
  });
  const all = 'all' in choice.condition;
  const blocking = parts.filter((p) => !p.passes);
  const facts = (list: typeof parts) => list.map((p) => `${p.c.variable} is ${p.set ? describeSet(p.set) : 'unknown'}`).join(' and ');
  if (all ? blocking.length > 0 : blocking.length === parts.length) {
    const shown = all ? blocking : parts;
    return `${choice.id} (in "${nodeId}") needs ${describeCondition(choice.condition)}, but when the learner is at "${nodeId}", ${facts(shown)}`;
  }
  if (x.exact && !x.reached.has(nodeId)) return undefined;
  return x.exact ? `${choice.id} (in "${nodeId}") needs ${describeCondition(choice.condition)}, which never holds together with the values a learner has at "${nodeId}" (${facts(parts)})` : undefined;
}

/** Why a node or ending is never reached: the choices that lead there and what blocks each. */
function whyUnreachable(s: Scenario, x: Exploration, target: string): string {
  const incoming = Object.entries(s.nodes).flatMap(([nodeId, node]) => node.choices.filter((c) => c.next === target).map((c) => ({ nodeId, c })));
  if (incoming.length === 0) return `no choice has next: ${target}`;
  const reasons = incoming.map(({ nodeId, c }) => whyNever(x, nodeId, c) ?? `${c.id} (in "${nodeId}") is never offered with the values a learner has there`);
  return `${incoming.length === 1 ? 'the only choice that leads here: ' : 'the choices that lead here: '}${reasons.join('; ')}`;
}

/** Effects that are never applied in full: the variable always hits its bound when the choice is taken. */
function clampProblems(file: string, s: Scenario, x: Exploration): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  for (const [nodeId, node] of Object.entries(s.nodes)) {
    const sets = x.values.get(nodeId);
    if (!sets) continue;
    for (const choice of node.choices) {
      if (whyNever(x, nodeId, choice)) continue;
      for (const [name, delta] of Object.entries(choice.effects)) {
        const b = s.variables[name];
        const set = sets[name];
        if (!b || !set || delta === 0) continue;
        // the values the variable can have when this choice is offered (a superset, so "always" holds)
        const own = comparisonsOf(choice.condition).filter((c) => c.variable === name);
        const when = choice.condition && 'all' in choice.condition ? set.filter((v) => own.every((c) => compare(c.op, v, c.value))) : set;
        const values = when.values();
        if (values.length === 0 || !values.every((v) => v + delta > b.max || v + delta < b.min)) continue;
        const bound = delta > 0 ? b.max : b.min;
        const room = delta > 0 ? b.max - Math.min(...values) : b.min - Math.max(...values);
        problems.push({
          file,
          where: `nodes.${nodeId}.choices.${choice.id}`,
          reason: `effect ${delta > 0 ? '+' : ''}${delta} on "${name}" always hits the bound ${bound}: ${name} is ${describeSet(when)} when this choice can be taken, so the effect never applies in full`,
          fix: room === 0
            ? `${name} is already at ${bound} here: remove this effect, or change what comes before`
            : `make it ${room > 0 ? '+' : ''}${room} (${name} can ${delta > 0 ? 'rise' : 'fall'} by at most ${Math.abs(room)} here), or change what comes before`,
        });
      }
    }
  }
  return problems;
}

/**
 * Analyses a scenario (and its overlays): unknown targets, unreachable nodes, dead ends and
 * traps, endings that can never be reached (and which condition blocks them), effects that
 * always clamp, the recommended path, raw HTML, and missing or extra translation keys.
 * Bounded: past `stateBudget` states it falls back to a sound over-approximation and lists
 * what it could not prove in `unproven`.
 */
export function analyseScenario(
  file: string,
  s: Scenario,
  overlays: Record<string, Overlay> = {},
  overlayFile = (lang: string) => file.replace(/scenario\.yaml$/, `${lang}.yaml`),
  options: AnalysisOptions = {},
): ScenarioAnalysis {
  const problems = staticProblems(file, s);
  const result: ScenarioAnalysis = { problems, shortestPaths: {}, recommendedPath: [], reachableNodes: [], unproven: [], exact: true, statesExplored: 0 };
  for (const [lang, overlay] of Object.entries(overlays)) problems.push(...overlayProblems(overlayFile(lang), s, overlay));
  const blocking = problems.some((p) => p.where === 'start' || /unknown target|both a node and an ending|unknown variable/.test(p.reason));
  if (blocking) return result; // the states cannot be explored meaningfully until these are fixed
  problems.push(...policyProblems(file, s));

  const x = exploreScenario(s, { stateBudget: options.stateBudget });
  result.exact = x.exact;
  result.statesExplored = x.statesExplored;
  const budgetNote = `the analysis explored ${x.statesExplored} states (budget ${x.budget}) and then could only approximate`;

  for (const [endingId, path] of x.reached) if (s.endings[endingId]) result.shortestPaths[endingId] = path;

  const traps = graphTraps(s);
  for (const nodeId of Object.keys(s.nodes)) {
    const where = `nodes.${nodeId}`;
    const dead = x.deadEnds.get(nodeId);
    if (dead) {
      const conditions = s.nodes[nodeId]!.choices.map((c) => `${c.id} needs ${c.condition ? describeCondition(c.condition) : 'nothing'}`).join('; ');
      problems.push({ file, where, reason: `dead end: no choice is available when ${valuesText(dead.values)} (reached by ${pathText(dead.path)})`, fix: `add a choice without a condition, or loosen one so that a choice always holds (${conditions})` });
    }
    if (!x.possible.has(nodeId)) {
      problems.push({ file, where, reason: 'unreachable: no sequence of choices from the start leads here', fix: `${whyUnreachable(s, x, nodeId)}. Lead a choice of a reachable node here, or delete this node` });
      continue;
    }
    if (traps.has(nodeId)) {
      const choices = s.nodes[nodeId]!.choices;
      const selfOnly = choices.every((c) => c.next === nodeId);
      problems.push({
        file,
        where,
        reason: selfOnly
          ? `the learner is trapped: every choice here (${choices.map((c) => c.id).join(', ')}) leads back to this node`
          : `the learner is trapped: no sequence of choices from here reaches an ending (the choices lead on to ${[...new Set(choices.map((c) => c.next))].join(', ')} and back)`,
        fix: 'point at least one choice to a node that leads on, or to an ending',
      });
    } else if (x.traps.has(nodeId)) {
      const t = x.traps.get(nodeId)!;
      problems.push({ file, where, reason: `the learner is trapped when ${valuesText(t.values)} (reached by ${pathText(t.path)}): from there no sequence of choices reaches an ending, because the conditions on the way out never hold`, fix: 'add a way out without a condition, or loosen the conditions of the choices that lead towards an ending' });
    }
    if (!x.exact && !x.reached.has(nodeId)) {
      result.unproven.push({ file, where, reason: `could not prove that this node can be reached (${budgetNote})`, fix: 'play a path to it, or split the scenario; the other checks of this node still hold' });
    }
    const example = x.unprovenDeadEnds.get(nodeId);
    if (example && !dead) {
      result.unproven.push({ file, where, reason: `could not prove that a choice is always available here: none would be with ${valuesText(example)}, if a learner can arrive so (${budgetNote})`, fix: 'give one choice no condition to be sure' });
    }
  }
  for (const endingId of Object.keys(s.endings)) {
    const where = `endings.${endingId}`;
    if (!x.possible.has(endingId)) {
      problems.push({ file, where, reason: 'this ending can never be reached', fix: `${whyUnreachable(s, x, endingId)}. Change that condition or the effects before it, or remove the ending` });
    } else if (!x.reached.has(endingId)) {
      result.unproven.push({ file, where, reason: `could not prove that this ending can be reached (${budgetNote})`, fix: 'check by playing a path to it' });
    }
  }
  for (const [nodeId, node] of Object.entries(s.nodes)) {
    if (!x.reached.has(nodeId)) continue;
    for (const choice of node.choices) {
      // a choice to a place that is never reached is explained at that place
      if (x.offered.has(choice.id) || !x.possible.has(choice.next)) continue;
      const why = whyNever(x, nodeId, choice);
      if (x.exact || why) {
        problems.push({
          file,
          where: `nodes.${nodeId}.choices.${choice.id}`,
          reason: `this choice is never offered: ${why ?? `it needs ${describeCondition(choice.condition!)}, which never holds when a learner is at "${nodeId}"`}`,
          fix: 'loosen the condition (or change the effects before this node), or remove the choice',
        });
      }
    }
  }
  problems.push(...clampProblems(file, s, x));
  const recommended = followRecommended(file, s);
  result.recommendedPath = recommended.path;
  problems.push(...recommended.problems);
  result.reachableNodes = [...x.reached.keys()].filter((n) => s.nodes[n]).sort();
  return result;
}

/**
 * Modules named in `learn_more` that do not exist, with the nearest module id.
 * @example learnMoreProblems('x/scenario.yaml', scenario, ['at-the-border']) // [] when all exist
 */
export function learnMoreProblems(file: string, scenario: Scenario, modules: readonly string[]): ScenarioProblem[] {
  return Object.entries(scenario.learn_more ?? {}).flatMap(([principle, ids]) =>
    (ids ?? []).filter((id) => !modules.includes(id)).map((id) => ({
      file,
      where: `learn_more.${principle}`,
      reason: `no lesson module "${id}" in content/modules/`,
      fix: `${didYouMean(id, modules).trim() || 'Name an existing module.'} Modules: ${listOf(modules)}`,
    })),
  );
}
