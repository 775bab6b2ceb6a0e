/**
 * The studio's edits of a scenario document that touch more than one field: a new scenario,
 * a copy, adding and removing nodes, choices, endings and variables, and renaming them
 * everywhere they are named (choices' next, start, effects, conditions, every language's
 * overlay and what each translation was made from). And where a check's problem sends the
 * trainer: a field of the forms, or a line of a language's YAML.
 * Pure: each edit returns a new document and leaves the one it was given as it was.
 */
import type { ScenarioDocument } from './workflow.ts';

type Data = Record<string, unknown>;

/** The scenario as the forms edit it: the fields may be missing or wrong while a trainer types. */
export interface DraftChoice {
  id: string;
  label?: string;
  feedback?: string;
  effects?: Record<string, number>;
  points?: Record<string, number>;
  condition?: { all?: DraftComparison[]; any?: DraftComparison[] };
  recommended?: boolean;
  acceptable?: boolean;
  next?: string;
  [field: string]: unknown;
}
export interface DraftComparison { variable: string; op: string; value: number }
export interface DraftNode { speaker?: string; text?: string; image_alt?: string; choices?: DraftChoice[]; [field: string]: unknown }
export interface DraftEnding { outcome?: string; title?: string; text?: string; [field: string]: unknown }
export interface DraftVariable { label?: string; initial?: number; min?: number; max?: number; [field: string]: unknown }
export interface DraftScenario {
  id?: string;
  version?: number;
  title?: string;
  summary?: string;
  tracks?: string[];
  minutes?: number;
  principles?: string[];
  variables?: Record<string, DraftVariable>;
  learn_more?: Record<string, string[]>;
  start?: string;
  nodes?: Record<string, DraftNode>;
  endings?: Record<string, DraftEnding>;
  [field: string]: unknown;
}

export type EditResult = { ok: true; document: ScenarioDocument } | { ok: false; reason: string };

export const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const clone = (document: ScenarioDocument): ScenarioDocument => structuredClone(document);
const scenarioOf = (document: ScenarioDocument) => document.scenario as DraftScenario;
const overlaysOf = (document: ScenarioDocument) => Object.values(document.overlays ?? {}) as Data[];

/** An object with one key renamed, in the same place among the others. */
function renameKey<T>(record: Record<string, T> | undefined, from: string, to: string): Record<string, T> | undefined {
  if (!record || !(from in record)) return record;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/** The translatedFrom paths under `from` moved under `to` (e.g. nodes.a. -> nodes.b.). */
function renamePaths(document: ScenarioDocument, from: string, to: string) {
  if (!document.translatedFrom) return;
  for (const lang of Object.keys(document.translatedFrom)) {
    const paths = document.translatedFrom[lang]!;
    document.translatedFrom[lang] = Object.fromEntries(Object.entries(paths).map(([path, text]) => [path === from || path.startsWith(`${from}.`) ? to + path.slice(from.length) : path, text]));
  }
}

function dropPaths(document: ScenarioDocument, prefix: string) {
  if (!document.translatedFrom) return;
  for (const lang of Object.keys(document.translatedFrom)) {
    document.translatedFrom[lang] = Object.fromEntries(Object.entries(document.translatedFrom[lang]!).filter(([path]) => path !== prefix && !path.startsWith(`${prefix}.`)));
  }
}

/** Every id the scenario uses for nodes, endings and choices (choice ids are unique in a scenario). */
export function usedIds(scenario: DraftScenario): Set<string> {
  const ids = new Set([...Object.keys(scenario.nodes ?? {}), ...Object.keys(scenario.endings ?? {})]);
  for (const node of Object.values(scenario.nodes ?? {})) for (const c of node.choices ?? []) if (c.id) ids.add(c.id);
  return ids;
}

/**
 * An id not used yet: base, else base-2, base-3...
 * @example uniqueId(new Set(['node', 'node-2']), 'node') // 'node-3'
 */
export function uniqueId(used: ReadonlySet<string>, base: string): string {
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Why an id cannot be used for something new or renamed, or null when it can. */
function idProblem(scenario: DraftScenario, id: string, current?: string): string | null {
  if (!idPattern.test(id)) return `"${id}" cannot be an id: use lower-case words joined by hyphens, e.g. "talk-alone"`;
  if (id !== current && usedIds(scenario).has(id)) return `"${id}" is already used in this scenario: choose another id`;
  return null;
}

/**
 * A new scenario to fill in: one node with two choices, a good and a harmful ending. Its texts
 * are empty, so the checks list what to write first.
 */
export function newScenarioDocument(id: string, title: string): ScenarioDocument {
  return {
    scenario: {
      id,
      version: 1,
      title,
      summary: '',
      tracks: [],
      minutes: 10,
      principles: ['child-first'],
      variables: {},
      start: 'start',
      nodes: {
        start: {
          text: '',
          choices: [
            { id: 'first-choice', label: '', feedback: '', points: { 'child-first': 1 }, recommended: true, next: 'good-ending' },
            { id: 'second-choice', label: '', feedback: '', points: { 'child-first': -1 }, next: 'harmful-ending' },
          ],
        },
      },
      endings: {
        'good-ending': { outcome: 'good', title: '', text: '' },
        'harmful-ending': { outcome: 'harmful', title: '', text: '' },
      },
    },
    overlays: {},
  };
}

/** A copy of a document as a new scenario: its id, version 1, everything else (translations too) kept. */
export function copyDocument(document: ScenarioDocument, id: string): ScenarioDocument {
  const copy = clone(document);
  copy.scenario = { ...copy.scenario, id, version: 1 };
  return copy;
}

export function addNode(document: ScenarioDocument, after?: string): { document: ScenarioDocument; id: string } {
  const next = clone(document);
  const s = scenarioOf(next);
  const used = usedIds(s);
  const id = uniqueId(used, 'new-node');
  used.add(id);
  const firstChoice = uniqueId(used, `${id}-choice`);
  used.add(firstChoice);
  const secondChoice = uniqueId(used, `${id}-choice`);
  const target = Object.keys(s.endings ?? {})[0] ?? '';
  const node: DraftNode = {
    text: '',
    choices: [
      { id: firstChoice, label: '', feedback: '', next: target },
      { id: secondChoice, label: '', feedback: '', next: target },
    ],
  };
  const entries = Object.entries(s.nodes ?? {});
  const at = after && s.nodes?.[after] ? entries.findIndex(([k]) => k === after) + 1 : entries.length;
  entries.splice(at, 0, [id, node]);
  s.nodes = Object.fromEntries(entries);
  return { document: next, id };
}

/** Removes a node and its translations; choices that led there keep their next, and the checks name them. */
export function removeNode(document: ScenarioDocument, id: string): ScenarioDocument {
  const next = clone(document);
  delete scenarioOf(next).nodes?.[id];
  for (const overlay of overlaysOf(next)) delete (overlay.nodes as Data | undefined)?.[id];
  dropPaths(next, `nodes.${id}`);
  return next;
}

/** Renames a node everywhere: start, every choice's next, every overlay, translatedFrom. */
export function renameNode(document: ScenarioDocument, from: string, to: string): EditResult {
  if (from === to) return { ok: true, document };
  const problem = idProblem(scenarioOf(document), to, from);
  if (problem) return { ok: false, reason: problem };
  const next = clone(document);
  const s = scenarioOf(next);
  s.nodes = renameKey(s.nodes, from, to);
  if (s.start === from) s.start = to;
  for (const node of Object.values(s.nodes ?? {})) for (const c of node.choices ?? []) if (c.next === from) c.next = to;
  for (const overlay of overlaysOf(next)) if (overlay.nodes) overlay.nodes = renameKey(overlay.nodes as Data, from, to);
  renamePaths(next, `nodes.${from}`, `nodes.${to}`);
  return { ok: true, document: next };
}

export function addEnding(document: ScenarioDocument): { document: ScenarioDocument; id: string } {
  const next = clone(document);
  const s = scenarioOf(next);
  const id = uniqueId(usedIds(s), 'new-ending');
  s.endings = { ...s.endings, [id]: { outcome: 'mixed', title: '', text: '' } };
  return { document: next, id };
}

export function removeEnding(document: ScenarioDocument, id: string): ScenarioDocument {
  const next = clone(document);
  delete scenarioOf(next).endings?.[id];
  for (const overlay of overlaysOf(next)) delete (overlay.endings as Data | undefined)?.[id];
  dropPaths(next, `endings.${id}`);
  return next;
}

/** Renames an ending everywhere: every choice's next, every overlay, translatedFrom. */
export function renameEnding(document: ScenarioDocument, from: string, to: string): EditResult {
  if (from === to) return { ok: true, document };
  const problem = idProblem(scenarioOf(document), to, from);
  if (problem) return { ok: false, reason: problem };
  const next = clone(document);
  const s = scenarioOf(next);
  s.endings = renameKey(s.endings, from, to);
  for (const node of Object.values(s.nodes ?? {})) for (const c of node.choices ?? []) if (c.next === from) c.next = to;
  for (const overlay of overlaysOf(next)) if (overlay.endings) overlay.endings = renameKey(overlay.endings as Data, from, to);
  renamePaths(next, `endings.${from}`, `endings.${to}`);
  return { ok: true, document: next };
}

export function addChoice(document: ScenarioDocument, nodeId: string): { document: ScenarioDocument; id: string } {
  const next = clone(document);
  const s = scenarioOf(next);
  const node = s.nodes?.[nodeId];
  const id = uniqueId(usedIds(s), `${nodeId}-choice`);
  if (node) node.choices = [...(node.choices ?? []), { id, label: '', feedback: '', next: Object.keys(s.endings ?? {})[0] ?? '' }];
  return { document: next, id };
}

export function removeChoice(document: ScenarioDocument, nodeId: string, choiceId: string): ScenarioDocument {
  const next = clone(document);
  const node = scenarioOf(next).nodes?.[nodeId];
  if (node) node.choices = (node.choices ?? []).filter((c) => c.id !== choiceId);
  for (const overlay of overlaysOf(next)) {
    const choices = ((overlay.nodes as Record<string, Data> | undefined)?.[nodeId])?.choices as Data | undefined;
    if (choices) delete choices[choiceId];
  }
  dropPaths(next, `nodes.${nodeId}.choices.${choiceId}`);
  return next;
}

/** Moves a choice up (-1) or down (+1) in its node's list. */
export function moveChoice(document: ScenarioDocument, nodeId: string, choiceId: string, by: -1 | 1): ScenarioDocument {
  const next = clone(document);
  const choices = scenarioOf(next).nodes?.[nodeId]?.choices;
  const i = choices?.findIndex((c) => c.id === choiceId) ?? -1;
  if (!choices || i < 0 || i + by < 0 || i + by >= choices.length) return document;
  [choices[i], choices[i + by]] = [choices[i + by]!, choices[i]!];
  return next;
}

/** Renames a choice in its node and in every overlay and translatedFrom (statements name choices by id). */
export function renameChoice(document: ScenarioDocument, nodeId: string, from: string, to: string): EditResult {
  if (from === to) return { ok: true, document };
  const problem = idProblem(scenarioOf(document), to, from);
  if (problem) return { ok: false, reason: problem };
  const next = clone(document);
  const choice = scenarioOf(next).nodes?.[nodeId]?.choices?.find((c) => c.id === from);
  if (choice) choice.id = to;
  for (const overlay of overlaysOf(next)) {
    const node = (overlay.nodes as Record<string, Data> | undefined)?.[nodeId];
    if (node?.choices) node.choices = renameKey(node.choices as Data, from, to);
  }
  renamePaths(next, `nodes.${nodeId}.choices.${from}`, `nodes.${nodeId}.choices.${to}`);
  return { ok: true, document: next };
}

export function addVariable(document: ScenarioDocument, name: string): EditResult {
  if (!idPattern.test(name)) return { ok: false, reason: `"${name}" cannot be a variable name: use lower-case words joined by hyphens, e.g. "trust"` };
  if (scenarioOf(document).variables?.[name]) return { ok: false, reason: `there is already a variable "${name}"` };
  const next = clone(document);
  const s = scenarioOf(next);
  s.variables = { ...s.variables, [name]: { initial: 50, min: 0, max: 100 } };
  return { ok: true, document: next };
}

/** Renames a variable everywhere: effects, conditions, every overlay's label, translatedFrom. */
export function renameVariable(document: ScenarioDocument, from: string, to: string): EditResult {
  if (from === to) return { ok: true, document };
  if (!idPattern.test(to)) return { ok: false, reason: `"${to}" cannot be a variable name: use lower-case words joined by hyphens, e.g. "trust"` };
  if (scenarioOf(document).variables?.[to]) return { ok: false, reason: `there is already a variable "${to}"` };
  const next = clone(document);
  const s = scenarioOf(next);
  s.variables = renameKey(s.variables, from, to);
  for (const node of Object.values(s.nodes ?? {})) {
    for (const c of node.choices ?? []) {
      if (c.effects) c.effects = renameKey(c.effects, from, to);
      for (const comparison of [...(c.condition?.all ?? []), ...(c.condition?.any ?? [])]) if (comparison.variable === from) comparison.variable = to;
    }
  }
  for (const overlay of overlaysOf(next)) if (overlay.variables) overlay.variables = renameKey(overlay.variables as Data, from, to);
  renamePaths(next, `variables.${from}`, `variables.${to}`);
  return { ok: true, document: next };
}

/** Removes a variable and its effects; conditions that test it stay, and the checks name them. */
export function removeVariable(document: ScenarioDocument, name: string): ScenarioDocument {
  const next = clone(document);
  const s = scenarioOf(next);
  delete s.variables?.[name];
  for (const node of Object.values(s.nodes ?? {})) for (const c of node.choices ?? []) delete c.effects?.[name];
  for (const overlay of overlaysOf(next)) delete (overlay.variables as Data | undefined)?.[name];
  dropPaths(next, `variables.${name}`);
  return next;
}

/** Where a check's problem sends the trainer: a field of the forms, or a line of a file's YAML. */
export type ProblemPlace = { view: 'form'; paths: string[] } | { view: 'yaml'; file: string; where: string };

/**
 * The place of a problem: problems of scenario.yaml go to the form field they name (the
 * longest part of `where` that a field has, e.g. nodes.a.choices.x.label, else nodes.a.choices.x,
 * else nodes.a); problems of a language's file, and YAML line errors, go to the YAML view.
 * @example placeOf({ file: 'content/scenarios/x/scenario.yaml', where: 'nodes.a.text' }) // { view: 'form', paths: ['nodes.a.text', 'nodes.a', 'nodes'] }
 */
export function placeOf(problem: { file: string; where: string }): ProblemPlace {
  const file = problem.file.split('/').pop() || 'scenario.yaml';
  if (file !== 'scenario.yaml' || /^line \d+$/.test(problem.where)) return { view: 'yaml', file, where: problem.where };
  const parts = problem.where.split('.');
  const paths = parts.map((_, i) => parts.slice(0, parts.length - i).join('.')).filter((p) => p && p !== '(file)');
  return { view: 'form', paths: paths.length ? paths : ['id'] };
}
