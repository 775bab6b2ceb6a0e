/**
 * `npm run check:scenarios`: validates and analyses every scenario (unknown targets,
 * unreachable nodes, dead ends and traps, unreachable endings and what blocks them, effects
 * that always clamp, the recommended path, raw HTML, missing or extra translations) and prints
 * the shortest path to each ending. Every scenario folder is listed, also one that could not
 * be read.
 */
import { loadScenarios, overlayLocales } from '../src/simulation/load.ts';
import { formatScenarioProblems } from '../src/simulation/schema.ts';
import { root } from './lib/paths.ts';

const { scenarios, problems, unchecked, unproven } = loadScenarios(root);
for (const { scenario, overlays, analysis } of scenarios) {
  const langs = ['en', ...overlayLocales.filter((l) => overlays[l])].join(', ');
  console.log(`\n${scenario.id} (v${scenario.version}): ${Object.keys(scenario.nodes).length} nodes, ${Object.keys(scenario.endings).length} endings; languages: ${langs}`);
  console.log(`  analysis: ${analysis.exact ? 'exact' : 'approximate past the budget'}, ${analysis.statesExplored} states`);
  console.log(`  recommended: ${analysis.recommendedPath.join(' → ')}`);
  for (const [ending, path] of Object.entries(analysis.shortestPaths)) {
    console.log(`  shortest to ${ending} (${scenario.endings[ending]!.outcome}): ${path.join(' → ')}`);
  }
}
for (const id of unchecked) console.log(`\n${id}: NOT CHECKED, content/scenarios/${id}/scenario.yaml could not be read (see the problems below)`);
if (unproven.length > 0) console.warn(`\n${unproven.length} thing(s) the analysis could not prove (not errors; check them by hand):\n${formatScenarioProblems(unproven)}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${formatScenarioProblems(problems)}`);
  process.exit(1);
}
console.log(`\n${scenarios.length} scenario(s), no problems.`);
