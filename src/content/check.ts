/**
 * What `npm run check:content` prints besides the problems: the translation coverage table
 * (modules x languages, and the glossary), from the content catalogue (catalogue.ts reads and
 * checks every file). And the build's guard, with the same words as the check.
 */
import { locales } from '../i18n/locales.ts';
import { assertValid, catalogueOf, type Catalogue, type CoverageState } from './catalogue.ts';

const symbol: Record<CoverageState, string> = { translated: '✓', outdated: 'outdated', missing: '—', invalid: 'INVALID' };

/** The coverage table as text: modules × languages. */
export function coverageTable(catalogue: Pick<Catalogue, 'coverage' | 'glossaryCoverage'>): string {
  const modules = Object.keys(catalogue.coverage);
  const width = Math.max(8, ...modules.map((m) => m.length));
  const header = `${'module'.padEnd(width)}  ${locales.map((l) => l.padEnd(9)).join('')}`;
  const rows = modules.map((m) => `${m.padEnd(width)}  ${locales.map((l) => symbol[catalogue.coverage[m]![l]].padEnd(9)).join('')}`);
  const glossary = `${'glossary'.padEnd(width)}  ${locales.map((l) => symbol[catalogue.glossaryCoverage[l]].padEnd(9)).join('')}`;
  const counts = locales.map((l) => `${l} ${modules.filter((m) => catalogue.coverage[m]![l] === 'translated').length}/${modules.length}`);
  return [header, ...rows, glossary, '', `translated modules: ${counts.join(', ')}`].join('\n');
}

/**
 * Throws with every content problem, in the words of `npm run check:content` and
 * `check:scenarios`: the build and the dev server call it, so a page never shows content the
 * checks refuse. Reads again only when a file under content/ changed.
 */
export function assertContentValid(root: string): void {
  assertValid(catalogueOf(root));
}
