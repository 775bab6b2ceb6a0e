/**
 * `npm run check:scenarios`: validates and analyses every case simulation (from the content
 * catalogue, the same reading as the build): unknown targets, unreachable nodes, dead ends,
 * unreachable endings, out-of-bounds variables, the recommended path, missing or extra
 * translations; and prints the shortest path to each ending.
 */
import { loadCatalogue } from '../src/content/catalogue.ts';
import { formatProblems } from '../src/content/modules.ts';
import { overlayLocales } from '../src/simulation/load.ts';
import { root } from './lib/paths.ts';

const { scenarios, problems: all } = loadCatalogue(root);
const problems = all.filter((p) => p.file.startsWith('content/scenarios/'));
for (const { scenario, overlays, analysis } of scenarios) {
  const langs = ['en', ...overlayLocales.filter((l) => overlays[l])].join(', ');
  console.log(`\n${scenario.id} (v${scenario.version}): ${Object.keys(scenario.nodes).length} nodes, ${Object.keys(scenario.endings).length} endings; languages: ${langs}`);
  console.log(`  recommended: ${analysis.recommendedPath.join(' → ')}`);
  for (const [ending, path] of Object.entries(analysis.shortestPaths)) {
    console.log(`  shortest to ${ending} (${scenario.endings[ending]!.outcome}): ${path.join(' → ')}`);
  }
}
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${formatProblems(problems)}`);
  process.exit(1);
}
console.log(`\n${scenarios.length} scenario(s), no problems.`);
