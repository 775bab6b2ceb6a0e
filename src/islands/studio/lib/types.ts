/** What the studio page gives its islands (from the build). */
import type { LanguageCoverage } from '../../../simulation/coverage.ts';

export interface BuiltInSummary {
  id: string;
  version: number;
  /** In the page's language when translated. */
  title: string;
  coverage: LanguageCoverage[];
}

export interface Option {
  id: string;
  label: string;
}

/** The facts about the site the editor's forms offer as choices. */
export interface StudioContext {
  principles: Option[];
  tracks: Option[];
  /** The player's words for the built-in variables (trust, distress, risk, belonging). */
  variableLabels: Record<string, string>;
  languages: { code: string; label: string }[];
}
