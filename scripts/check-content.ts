/**
 * `npm run check:content`: checks every lesson module, glossary and path (from the content
 * catalogue, the same reading as the build) and prints the translation coverage table.
 * Exits 1 with file, field and reason for each problem. Case simulations: `npm run check:scenarios`.
 */
import { loadCatalogue } from '../src/content/catalogue.ts';
import { coverageTable } from '../src/content/check.ts';
import { formatProblems } from '../src/content/modules.ts';
import { root } from './lib/paths.ts';

const catalogue = loadCatalogue(root);
const problems = catalogue.problems.filter((p) => !p.file.startsWith('content/scenarios/'));
console.log(coverageTable(catalogue));
console.log('\n✓ translated · outdated = older version than en.mdx · — missing (English is shown with a notice)');
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${formatProblems(problems)}`);
  process.exit(1);
}
console.log('\nAll lesson modules, glossaries and paths are valid.');
