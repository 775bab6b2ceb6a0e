/**
 * `npm run check:content`: validates every content file (modules, glossaries, paths) and prints
 * the translation coverage table. Exits 1 with file, field and reason for each problem.
 */
import { checkContent, coverageTable } from '../src/content/check.ts';
import { formatProblems } from '../src/content/modules.ts';
import { root } from './lib/paths.ts';

const report = checkContent(root);
console.log(coverageTable(report));
console.log('\n✓ translated · outdated = older version than en.mdx · — missing (English is shown with a notice)');
if (report.problems.length > 0) {
  console.error(`\n${report.problems.length} problem(s):\n${formatProblems(report.problems)}`);
  process.exit(1);
}
console.log('\nAll content is valid.');
