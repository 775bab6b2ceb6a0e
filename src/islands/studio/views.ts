/**
 * What the studio's views (StudioGraph, Simulate, Preview, Translate) take from the shell
 * (Studio.svelte), and small helpers they share. Safe for islands (no Node, no i18next).
 */
import type { UiStrings } from '../../i18n/index.ts';
import type { GraphNode } from '../../simulation/graph.ts';
import { plural } from '../lib/format.ts';
import { localeInfo, type Locale } from '../../i18n/locales.ts';
import type { ScenarioProblem } from '../../simulation/schema.ts';
import type { ScenarioDocument } from '../../simulation/workflow.ts';

export type ViewStrings = UiStrings['studioViews'];

/** The props every view takes. */
export interface StudioViewProps {
  /** The draft as the shell holds it (scenario.yaml's data, the overlays, translatedFrom). */
  document: ScenarioDocument;
  /** The trainer's language (the studio page's). */
  lang: Locale;
  /** The "studioViews" group of UI strings in that language. */
  strings: ViewStrings;
  /** The problems of checkDocument(document), as the shell shows them. */
  problems: ScenarioProblem[];
  /** Called with the whole new document after an edit made in the view (Translate edits). */
  onChange?: (next: ScenarioDocument) => void;
  /** Called to move to the form field of a place, named as the checks name it (ScenarioProblem.where), e.g. "nodes.arrival.choices.offer-water". */
  onFocusPath?: (path: string) => void;
}

/**
 * The plural-aware words for a number of problems.
 * @example problemCount(strings, 2, 'en') // '2 problems'
 */
export function problemCount(strings: ViewStrings, count: number, lang: string): string {
  return plural(strings.common as unknown as Record<string, string>, 'problems', count, lang);
}

/** What a box of the map is, in words: "Node", "✓ Good ending", "Does not exist". */
export function kindText(n: Pick<GraphNode, 'kind' | 'outcome'>, strings: ViewStrings): string {
  if (n.kind === 'ending') return `${outcomeSymbol[n.outcome ?? ''] ?? ''} ${strings.common.outcome[n.outcome ?? 'none']}`.trim();
  return n.kind === 'missing' ? strings.graph.missing : strings.graph.node;
}

/**
 * A language's name in the trainer's language, for sentences ("Preview in Arabic"); the
 * language pickers show each language's own name instead.
 * @example languageName('ar', 'fr') // 'arabe'
 */
export function languageName(code: Locale, uiLang: string): string {
  try {
    return new Intl.DisplayNames([uiLang], { type: 'language' }).of(code) ?? localeInfo[code].englishName;
  } catch {
    return localeInfo[code].englishName;
  }
}

/** The player's strings and principle labels in one language (the preview plays in any language). */
export interface PlayerStrings {
  strings: UiStrings['scenario'];
  principleLabels: Record<string, string>;
}

/** The symbol beside each outcome's words (colour is never the only sign). */
export const outcomeSymbol: Record<string, string> = { good: '✓', mixed: '◐', harmful: '✗' };
