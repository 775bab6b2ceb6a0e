/**
 * What changed between two versions of a scenario, as a trainer reads it: each change names the
 * file and the place the way the checks do (nodes.arrival.choices.offer-water.label), and a
 * changed text shows the words taken out and put in. Choices are matched by id, not by their
 * place in the list (learners see them in an order of their own anyway), so adding a choice is
 * one change, not a shift of every choice after it. The version number itself is not a change,
 * nor a default the checks fill in (a published version is stored as the checks read it, with
 * `effects: {}` and `recommended: false` where a draft just leaves them out).
 * Pure: microdiff finds the changes in the data, jsdiff the changed words.
 */
import { diffWords } from 'diff';
import microdiff from 'microdiff';
import type { ScenarioDocument } from './workflow.ts';

export interface WordChange {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export interface DocumentChange {
  /** scenario.yaml or <lang>.yaml */
  file: string;
  where: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
  /** For a text changed into another text: its words, in order, marked added or removed. */
  words?: WordChange[];
}

type Data = Record<string, unknown>;
const isObject = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Texts as the checks read them (trimmed), at every level. */
function trimmed(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(trimmed);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimmed(v)]));
  return value;
}

/** A choice without the values the checks fill in when they are left out (schema.ts choice defaults). */
function withoutDefaults(choice: unknown): unknown {
  if (!isObject(choice)) return choice;
  const { effects, points, recommended, ...rest } = choice;
  return {
    ...rest,
    ...(isObject(effects) && Object.keys(effects).length === 0 ? {} : effects === undefined ? {} : { effects }),
    ...(isObject(points) && Object.keys(points).length === 0 ? {} : points === undefined ? {} : { points }),
    ...(recommended === false || recommended === undefined ? {} : { recommended }),
  };
}

/** The scenario with each node's choices keyed by their id, and without its version number. */
function comparable(raw: Data | undefined): Data {
  const { version: _version, ...rest } = trimmed(raw ?? {}) as Data;
  if (!isObject(rest.nodes)) return rest;
  const nodes = Object.fromEntries(Object.entries(rest.nodes).map(([id, node]) => {
    if (!isObject(node) || !Array.isArray(node.choices)) return [id, node];
    const choices = Object.fromEntries(node.choices.map((c, i) => [isObject(c) && typeof c.id === 'string' && c.id ? c.id : `choice ${i + 1}`, withoutDefaults(c)]));
    return [id, { ...node, choices }];
  }));
  return { ...rest, nodes };
}

function changesOf(file: string, before: Data, after: Data): DocumentChange[] {
  return microdiff(before, after).map((d) => {
    const where = d.path.map(String).join('.');
    if (d.type === 'CREATE') return { file, where, kind: 'added', after: d.value };
    if (d.type === 'REMOVE') return { file, where, kind: 'removed', before: d.oldValue };
    const change: DocumentChange = { file, where, kind: 'changed', before: d.oldValue, after: d.value };
    if (typeof d.oldValue === 'string' && typeof d.value === 'string') change.words = diffWords(d.oldValue, d.value).map((w) => ({ value: w.value, ...(w.added ? { added: true } : {}), ...(w.removed ? { removed: true } : {}) }));
    return change;
  });
}

/**
 * The changes from one document to another: scenario.yaml first, then each language's overlay
 * (a language added or removed whole is one change).
 * @example diffDocuments(v1, v2) // [{ file: 'scenario.yaml', where: 'nodes.arrival.text', kind: 'changed', words: [...] }]
 */
export function diffDocuments(before: ScenarioDocument, after: ScenarioDocument): DocumentChange[] {
  const changes = changesOf('scenario.yaml', comparable(before.scenario), comparable(after.scenario));
  const languages = [...new Set([...Object.keys(before.overlays ?? {}), ...Object.keys(after.overlays ?? {})])];
  for (const lang of languages) {
    const file = `${lang}.yaml`;
    const a = before.overlays?.[lang];
    const b = after.overlays?.[lang];
    if (!a && b) changes.push({ file, where: '(file)', kind: 'added', after: b });
    else if (a && !b) changes.push({ file, where: '(file)', kind: 'removed', before: a });
    else if (a && b) changes.push(...changesOf(file, trimmed(a) as Data, trimmed(b) as Data));
  }
  return changes;
}
