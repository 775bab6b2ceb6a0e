/**
 * The translation coverage report of `npm run check:content`: modules x languages, and the
 * glossary, from the content catalogue (catalogue.ts does the reading and checking).
 */
import { locales } from '../i18n/locales.ts';
import type { Catalogue, CoverageState } from './catalogue.ts';

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
