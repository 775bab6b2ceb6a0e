/**
 * `npm run check:scenarios`: validates and analyses every scenario (unknown targets,
 * unreachable nodes, dead ends, unreachable endings, out-of-bounds variables, the recommended
 * path, missing or extra translations) and prints the shortest path to each ending.
 */
import { loadScenarios, overlayLocales } from '../src/simulation/load.ts';
import { formatScenarioProblems } from '../src/simulation/schema.ts';
import { root } from './lib/paths.ts';

const { scenarios, problems } = loadScenarios(root);
for (const { scenario, overlays, analysis } of scenarios) {
  const langs = ['en', ...overlayLocales.filter((l) => overlays[l])].join(', ');
  console.log(`\n${scenario.id} (v${scenario.version}): ${Object.keys(scenario.nodes).length} nodes, ${Object.keys(scenario.endings).length} endings; languages: ${langs}`);
  console.log(`  recommended: ${analysis.recommendedPath.join(' → ')}`);
  for (const [ending, path] of Object.entries(analysis.shortestPaths)) {
    console.log(`  shortest to ${ending} (${scenario.endings[ending]!.outcome}): ${path.join(' → ')}`);
  }
}
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${formatScenarioProblems(problems)}`);
  process.exit(1);
}
console.log(`\n${scenarios.length} scenario(s), no problems.`);
