/**
 * `npm run check:scenarios`: validates and analyses every case simulation (from the content
 * catalogue, the same reading as the build): unknown targets, unreachable nodes, dead ends and
 * traps, unreachable endings and what blocks them, effects that always clamp, the recommended
 * path, raw HTML, missing or extra translations; and prints the shortest path to each ending.
 * Every scenario folder is listed, also one that could not be read.
 */
import { loadCatalogue } from '../src/content/catalogue.ts';
import { formatProblems } from '../src/content/modules.ts';
import { overlayLocales } from '../src/simulation/load.ts';
import { root } from './lib/paths.ts';

const { scenarios, problems: all, uncheckedScenarios, unproven } = loadCatalogue(root);
const problems = all.filter((p) => p.file.startsWith('content/scenarios/'));
for (const { scenario, overlays, analysis } of scenarios) {
  const langs = ['en', ...overlayLocales.filter((l) => overlays[l])].join(', ');
  console.log(`\n${scenario.id} (v${scenario.version}): ${Object.keys(scenario.nodes).length} nodes, ${Object.keys(scenario.endings).length} endings; languages: ${langs}`);
  console.log(`  recommended: ${analysis.recommendedPath.join(' → ')}`);
  for (const [ending, path] of Object.entries(analysis.shortestPaths)) {
    console.log(`  shortest to ${ending} (${scenario.endings[ending]!.outcome}): ${path.join(' → ')}`);
  }
}
for (const id of uncheckedScenarios) console.log(`\n${id}: NOT CHECKED, content/scenarios/${id}/scenario.yaml could not be read (see the problems below)`);
if (unproven.length > 0) console.warn(`\n${unproven.length} thing(s) the analysis could not prove (not errors; check them by hand):\n${formatProblems(unproven)}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${formatProblems(problems)}`);
  process.exit(1);
}
console.log(`\n${scenarios.length} scenario(s), no problems.`);
