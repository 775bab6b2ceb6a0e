/**
 * `npm run bench`: measurements, not pass/fail (budgets are marked). Needs a built site (`npm run build`).
 *  1. Page weight per page from dist/ (JavaScript and HTML, gzipped; page and scripts on the wire).
 *  2. A learner's phone (scripts/lib/phone-profile.ts): per kind of page, served by a real
 *     PocketBase, in Chromium at 700 kbps, 300 ms round trip, 4x slower CPU: bytes on the wire
 *     and uncompressed, and the time until its buttons work (median of BENCH_RUNS, default 3).
 *  3. The learning record under load on a real PocketBase (temporary data dir, loopback only):
 *     a bounded number of statements sent by several learners at once, then the same ones
 *     replayed (the outbox's retry), with throughput and latency percentiles. Each new statement
 *     is checked against the content rules, folded into progress and checked for a completed path
 *     (certificates), as in production. Learners are made by a superuser and impersonated, so
 *     the sign-in rate limit does not cap how many the bench can use.
 *  3. The scenario analysis on generated scenarios of 2,000 nodes with three variables (the
 *     exact exploration and, past its state budget, the over-approximation), and on the real ones.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePocketBase } from './lib/pocketbase-binary.ts';
import { bundleHooksLibrary } from './lib/hooks-bundle.ts';
import { projectFacts } from '../src/content/catalogue.ts';
import { freePort, startPocketBase, upsertSuperuser } from './lib/pb-process.ts';
import { kb, measureSite } from './lib/page-weight.ts';
import { measurePhonePages, profile, type PageKind } from './lib/phone-profile.ts';
import { root, siteDir } from './lib/paths.ts';
import { sectionCompleted } from '../src/learning-record/statements.ts';
import { analyseScenario } from '../src/simulation/analysis.ts';
import { loadScenarios } from '../src/simulation/load.ts';
import { generatedScenario } from '../tests/support/generated-scenario.ts';

const learners = Number(process.env.BENCH_LEARNERS ?? 8);
const statementsPerLearner = Number(process.env.BENCH_STATEMENTS ?? 50);
const phoneRuns = Number(process.env.BENCH_RUNS ?? 3);

/** Budgets for a learner's phone (issue 10). */
const budgets = { lessonWire: 60 * 1024, learnerPageWire: 90 * 1024, buttonsMs: 2000 };

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function pageWeight() {
  if (!existsSync(path.join(siteDir, 'en', 'index.html'))) {
    console.log('page weight: skipped (no dist/; run npm run build)');
    return;
  }
  const pages = measureSite(siteDir);
  console.log('\nPage weight (JS and HTML gzip; the page with its scripts as sent, Brotli)\n  JS        HTML      on wire   islands  page');
  for (const p of pages) {
    console.log(`  ${kb(p.jsGzipBytes).padEnd(9)} ${kb(p.htmlGzipBytes).padEnd(9)} ${kb(p.wireBytes).padEnd(9)} ${String(p.islands).padEnd(8)} ${p.page}`);
  }
}

/** The kinds of page a learner opens, with the heaviest lesson and simulation of the build. */
function phonePageKinds(): PageKind[] {
  const weights = measureSite(siteDir);
  const heaviest = (pattern: RegExp) => [...weights].filter((w) => pattern.test(w.page)).sort((a, b) => b.wireBytes - a.wireBytes)[0]!.page;
  return [
    { name: 'home', path: '/en/' },
    { name: 'lesson', path: '/en/modules/children-on-the-move/' },
    { name: 'lesson (heaviest)', path: heaviest(/^\/[a-z]{2}\/modules\/[^/]+\/$/) },
    { name: 'simulation', path: '/en/scenarios/border-arrival/' },
    { name: 'simulation (heaviest)', path: heaviest(/^\/[a-z]{2}\/scenarios\/[^/]+\/$/) },
    { name: 'path', path: '/en/paths/border-officer/', signedIn: true },
    { name: 'My onboarding', path: '/en/onboarding/', signedIn: true },
    { name: 'glossary', path: '/en/glossary/' },
    { name: 'search results', path: '/en/search/?q=interview', readyWhen: '[data-testid="search-summary"]' },
  ];
}

async function phoneProfile(url: string, session: { token: string; record: Record<string, unknown> }) {
  const kinds = phonePageKinds();
  console.log(`\nA learner's phone: ${profile.downloadKbps} kbps, ${profile.latencyMs} ms round trip, CPU ${profile.cpuSlowdown}x slower, first visit (${phoneRuns} runs, median)`);
  const results = await measurePhonePages(url, kinds, session, phoneRuns);
  console.log('  on wire    uncompressed  requests  buttons work        page');
  for (const r of results) {
    const over: string[] = [];
    if (r.name.startsWith('lesson') && r.wireBytes > budgets.lessonWire) over.push(`over the lesson budget ${kb(budgets.lessonWire)}`);
    if (r.wireBytes > budgets.learnerPageWire) over.push(`over the page budget ${kb(budgets.learnerPageWire)}`);
    if (r.readyMs > budgets.buttonsMs) over.push(`over ${budgets.buttonsMs} ms`);
    console.log(
      `  ${kb(r.wireBytes).padEnd(10)} ${kb(r.decodedBytes).padEnd(13)} ${String(r.requests).padEnd(9)} ${`${(r.readyMs / 1000).toFixed(2)} s`.padEnd(8)} ${`(${r.runs.map((t) => (t / 1000).toFixed(1)).join(', ')})`.padEnd(11)} ${r.name} ${r.path}${over.length ? `  ← ${over.join(', ')}` : ''}`,
    );
  }
  const heaviest = results.reduce((a, b) => (b.wireBytes > a.wireBytes ? b : a));
  const slowest = results.filter((r) => !r.name.startsWith('search')).reduce((a, b) => (b.readyMs > a.readyMs ? b : a));
  console.log(
    `  budgets: lesson <= ${kb(budgets.lessonWire)} on the wire, heaviest learner page <= ${kb(budgets.learnerPageWire)} (${heaviest.name}: ${kb(heaviest.wireBytes)}), ` +
      `buttons working <= ${budgets.buttonsMs / 1000} s (slowest ${slowest.name}: ${(slowest.readyMs / 1000).toFixed(2)} s)`,
  );
}

async function onRealPocketBase() {
  const binary = await ensurePocketBase();
  await bundleHooksLibrary();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'continuum-bench-'));
  upsertSuperuser(binary, dataDir, 'bench@bench.continuum.example', 'bench-superuser-1');
  const pb = await startPocketBase({ binary, dataDir, port: await freePort() });
  try {
    const su = await fetch(`${pb.url}/api/collections/_superusers/auth-with-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity: 'bench@bench.continuum.example', password: 'bench-superuser-1' }),
    });
    const admin = { 'content-type': 'application/json', authorization: ((await su.json()) as { token: string }).token };
    // this throwaway server measures the learning record, not the per-address rate limits (which
    // would refuse a loopback bench past 600 creations a minute): loopback is exempted here only
    const settings = await fetch(`${pb.url}/api/settings`, { method: 'PATCH', headers: admin, body: JSON.stringify({ rateLimits: { excludedIPs: ['127.0.0.1'] } }) });
    if (!settings.ok) throw new Error(`could not exempt loopback from rate limits: ${settings.status} ${await settings.text()}`);
    if (existsSync(path.join(siteDir, 'en', 'index.html')) && process.env.BENCH_PHONE !== '0') {
      const created = await fetch(`${pb.url}/api/collections/users/records`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ email: `bench-phone-${Date.now()}@bench.continuum.example`, password: 'bench-password-1', passwordConfirm: 'bench-password-1', name: 'Bench Phone', track: 'border-officer' }),
      });
      const { id } = (await created.json()) as { id: string };
      const session = await fetch(`${pb.url}/api/collections/users/impersonate/${id}`, { method: 'POST', headers: admin, body: JSON.stringify({ duration: 3600 }) });
      await phoneProfile(pb.url, (await session.json()) as { token: string; record: Record<string, unknown> });
    }

    // every real (lesson, section) pair, in order: the statements the rules accept
    const sections = Object.entries(projectFacts(root).modules).flatMap(([slug, m]) => m.sections.map((section) => ({ slug, section })));
    const tokens: { id: string; token: string }[] = [];
    for (let i = 0; i < learners; i++) {
      const email = `bench-${i}-${Date.now()}@bench.continuum.example`;
      const password = 'bench-password-1';
      const created = await fetch(`${pb.url}/api/collections/users/records`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ email, password, passwordConfirm: password, name: `Bench ${i}` }),
      });
      const { id } = (await created.json()) as { id: string };
      const session = await fetch(`${pb.url}/api/collections/users/impersonate/${id}`, { method: 'POST', headers: admin, body: JSON.stringify({ duration: 3600 }) });
      tokens.push({ id, token: ((await session.json()) as { token: string }).token });
    }
    const plans = tokens.map(({ id, token }) => ({
      token,
      statements: Array.from({ length: statementsPerLearner }, (_, n) => {
        const { slug, section } = sections[n % sections.length]!;
        return sectionCompleted({ user: id, moduleSlug: slug, sectionId: section, language: 'en' });
      }),
    }));

    const send = async (label: string) => {
      const latencies: number[] = [];
      let failures = 0;
      let limited = 0;
      const t0 = performance.now();
      await Promise.all(
        plans.map(async ({ token, statements }) => {
          for (const statement of statements) {
            const s0 = performance.now();
            const response = await fetch(`${pb.url}/api/collections/statements/records`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: token },
              body: JSON.stringify(statement),
            });
            await response.arrayBuffer();
            if (response.status === 429) limited++;
            else if (!response.ok) failures++;
            latencies.push(performance.now() - s0);
          }
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      latencies.sort((a, b) => a - b);
      console.log(
        `  ${label.padEnd(22)} ${latencies.length} requests, ${learners} learners at once: ${(latencies.length / seconds).toFixed(0)} req/s, ` +
          `p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, failures ${failures}, rate-limited ${limited}`,
      );
    };
    console.log('\nLearning record on one PocketBase (statement create + progress fold)');
    await send('new statements');
    await send('replayed (same ids)');
  } finally {
    await pb.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function scenarioAnalysis() {
  console.log('\nScenario analysis (time, verdict)');
  for (const [label, effects] of [['2,000 nodes, 3 variables, no effects', false], ['2,000 nodes, 3 variables, effects and conditions', true]] as const) {
    const scenario = generatedScenario(2000, 20, 7, effects);
    const t0 = performance.now();
    const a = analyseScenario('generated/scenario.yaml', scenario);
    const ms = performance.now() - t0;
    const unreachable = a.problems.filter((p) => /unreachable|can never be reached/.test(p.reason)).length;
    console.log(`  ${label}: ${(ms / 1000).toFixed(2)} s, ${a.exact ? 'exact' : 'approximate past the budget'}, ${a.statesExplored} states, ${unreachable} unreachable nodes/endings, ${a.unproven.length} unproven`);
  }
  const t0 = performance.now();
  const report = loadScenarios(root);
  console.log(`  the ${report.scenarios.length} real scenarios (read, validated, analysed): ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

scenarioAnalysis();
await pageWeight();
await onRealPocketBase();
