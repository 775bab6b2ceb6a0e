/**
 * The studio's translation table: every English text of a scenario beside its translation in
 * one language, with whether the translation is missing, current, or out of date (its English
 * changed since it was written, known from `document.translatedFrom`), and the edits that keep
 * `translatedFrom` true. Texts are named by their path, as the checks name them
 * ("nodes.arrival.text", "nodes.arrival.choices.offer-water.label").
 * Pure: no DOM; the studio's Translate tab runs it in the browser.
 */
import { locales, type Locale } from '../i18n/locales.ts';
import { textsOf } from './analysis.ts';
import type { ScenarioDocument } from './workflow.ts';

/** The languages a scenario is translated into (English is the source). */
export const translationLocales = locales.filter((l) => l !== 'en') as Exclude<Locale, 'en'>[];

export type TranslationStatus = 'missing' | 'outdated' | 'current';

export interface TranslationRow {
  /** Where the text is, e.g. "nodes.arrival.choices.offer-water.label". */
  path: string;
  /** What it belongs to: "scenario", "variables", "nodes.<id>" or "endings.<id>". */
  group: string;
  /** The last part of the path: title, summary, label, text, speaker, image_alt, feedback. */
  field: string;
  english: string;
  /** Markdown (a node's or an ending's text) or plain text. */
  markdown: boolean;
  /** The translation, or '' when there is none. */
  translation: string;
  status: TranslationStatus;
  /** The English the translation was made from, when it differs from today's (status outdated). */
  translatedFrom?: string;
}

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (map: object, key: string) => Object.prototype.hasOwnProperty.call(map, key);

/**
 * The value at a text path in a scenario (choices are a list, found by id) or an overlay
 * (choices by id as keys); undefined when there is none.
 */
function valueAt(data: unknown, segments: readonly string[]): unknown {
  let at: unknown = data;
  for (const [i, key] of segments.entries()) {
    if (Array.isArray(at) && segments[i - 1] === 'choices') at = at.find((c) => isTree(c) && c.id === key);
    else if (isTree(at) && has(at, key)) at = at[key];
    else return undefined;
  }
  return at;
}

/** The English texts of a scenario (only those whose path leads back to them: a choice needs its id). */
function englishTexts(scenario: unknown): { path: string; text: string; markdown: boolean }[] {
  if (!isTree(scenario)) return [];
  return textsOf(scenario as Parameters<typeof textsOf>[0])
    .filter((t) => valueAt(scenario, t.where.split('.')) === t.text)
    .map((t) => ({ path: t.where, text: t.text, markdown: t.markdown }));
}

const groupOf = (path: string) => {
  const [first, second] = path.split('.');
  return first === 'nodes' || first === 'endings' ? `${first}.${second}` : first === 'variables' ? 'variables' : 'scenario';
};

/**
 * Every English text of the document with its translation into `lang` and its status.
 * @example translationRows(doc, 'fr')[0] // { path: 'title', english: 'At the border', translation: 'À la frontière', status: 'current', ... }
 */
export function translationRows(document: ScenarioDocument, lang: string): TranslationRow[] {
  const overlay = document.overlays?.[lang];
  const made = document.translatedFrom?.[lang] ?? {};
  return englishTexts(document.scenario).map(({ path, text, markdown }) => {
    const value = valueAt(overlay, path.split('.'));
    const translation = typeof value === 'string' ? value : '';
    const from = has(made, path) ? made[path] : undefined;
    const status: TranslationStatus = translation.trim() === '' ? 'missing' : from !== undefined && from !== text ? 'outdated' : 'current';
    return {
      path,
      group: groupOf(path),
      field: path.split('.').at(-1)!,
      english: text,
      markdown,
      translation,
      status,
      ...(status === 'outdated' ? { translatedFrom: from } : {}),
    };
  });
}

export interface TranslationSummary {
  lang: string;
  total: number;
  current: number;
  outdated: number;
  missing: number;
  /** Every text translated and none out of date. */
  complete: boolean;
}

/**
 * How far a language is: texts in all, current, out of date and missing.
 * @example translationSummary(doc, 'ar') // { lang: 'ar', total: 58, current: 55, outdated: 2, missing: 1, complete: false }
 */
export function translationSummary(document: ScenarioDocument, lang: string): TranslationSummary {
  const rows = translationRows(document, lang);
  const count = (s: TranslationStatus) => rows.filter((r) => r.status === s).length;
  const summary = { lang, total: rows.length, current: count('current'), outdated: count('outdated'), missing: count('missing') };
  return { ...summary, complete: summary.current === summary.total };
}

/** The English text at a path, or an error naming the path when there is none. */
function englishAt(document: ScenarioDocument, path: string): string {
  const found = englishTexts(document.scenario).find((t) => t.path === path);
  if (!found) throw new Error(`There is no English text at "${path}": translate the texts the scenario has (add the English first).`);
  return found.text;
}

function withMade(document: ScenarioDocument, lang: string, change: (made: Record<string, string>) => void): ScenarioDocument['translatedFrom'] {
  const made = { ...(document.translatedFrom?.[lang] ?? {}) };
  change(made);
  return { ...document.translatedFrom, [lang]: made };
}

/**
 * The document with one text translated (or its translation removed when `text` is blank), and
 * `translatedFrom` recording the English it was translated from. Nothing else changes.
 * @example setTranslation(doc, 'fr', 'nodes.arrival.text', 'Un garçon attend…').overlays.fr.nodes.arrival.text // 'Un garçon attend…'
 */
export function setTranslation(document: ScenarioDocument, lang: string, path: string, text: string): ScenarioDocument {
  const english = englishAt(document, path);
  const segments = path.split('.');
  // a JSON copy: overlays are JSON data (stored so), and a reactive proxy of the studio cannot be structuredClone'd
  const overlay: Tree = JSON.parse(JSON.stringify(isTree(document.overlays?.[lang]) ? document.overlays[lang] : {}));
  const remove = text.trim() === '';
  // walk to the parent of the text, making the objects on the way (an overlay's choices are keyed by id)
  const parents: Tree[] = [overlay];
  for (const key of segments.slice(0, -1)) {
    const parent = parents.at(-1)!;
    if (!isTree(parent[key])) {
      if (remove) return document.translatedFrom?.[lang]?.[path] === undefined ? document : { ...document, translatedFrom: withMade(document, lang, (m) => delete m[path]) };
      parent[key] = {};
    }
    parents.push(parent[key] as Tree);
  }
  const last = segments.at(-1)!;
  if (remove) {
    delete parents.at(-1)![last];
    // drop the objects the removal left empty, from the innermost out
    for (let i = parents.length - 1; i > 0 && Object.keys(parents[i]!).length === 0; i--) delete parents[i - 1]![segments[i - 1]!];
  } else {
    parents.at(-1)![last] = text;
  }
  return {
    ...document,
    overlays: { ...document.overlays, [lang]: overlay },
    translatedFrom: withMade(document, lang, (m) => {
      if (remove) delete m[path];
      else m[path] = english;
    }),
  };
}

/**
 * The document with a translation marked as still right for today's English (the translator
 * read the change and the translation needs none).
 * @example confirmTranslation(doc, 'fr', 'title') // translationRows(result, 'fr') shows title as current
 */
export function confirmTranslation(document: ScenarioDocument, lang: string, path: string): ScenarioDocument {
  const english = englishAt(document, path);
  return { ...document, translatedFrom: withMade(document, lang, (m) => void (m[path] = english)) };
}

/**
 * The document with the English of today recorded for every translation that has no record yet
 * (a scenario imported from files, or copied from a built-in one), so that from now on an
 * English edit flags its translations as out of date. Returns the same document when nothing
 * was missing.
 */
export function withTranslationBaseline(document: ScenarioDocument): ScenarioDocument {
  let translatedFrom = document.translatedFrom;
  for (const lang of Object.keys(document.overlays ?? {})) {
    const missing = translationRows(document, lang).filter((r) => r.status !== 'missing' && document.translatedFrom?.[lang]?.[r.path] === undefined);
    if (missing.length === 0) continue;
    translatedFrom = { ...translatedFrom, [lang]: { ...translatedFrom?.[lang], ...Object.fromEntries(missing.map((r) => [r.path, r.english])) } };
  }
  return translatedFrom === document.translatedFrom ? document : { ...document, translatedFrom };
}
