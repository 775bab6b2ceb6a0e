/**
 * `npm run bench`: measurements, not pass/fail (budgets are marked). Needs a built site (`npm run build`).
 *  1. Page weight per page from dist/ (JavaScript and HTML, gzipped; page and scripts on the wire).
 *  2. A learner's phone (scripts/lib/phone-profile.ts): per kind of page, served by a real
 *     PocketBase, in Chromium at 700 kbps, 300 ms round trip, 4x slower CPU: bytes on the wire
 *     and uncompressed, and the time until its buttons work (median of BENCH_RUNS, default 3).
 *  3. The learning record under load on a real PocketBase (temporary data dir, loopback only):
 *     1, 10 and 40 learners at once send new statements, and the same number of plain creates
 *     on a hook-free collection with the same fields, side by side (a ratio, since the machine
 *     is noisy: the kinds take turns for BENCH_ROUNDS rounds, default 3, and the ratio is the
 *     median of the rounds'). Each statement is checked against the content rules, folded into
 *     progress and checked for a completed path (certificates) in one transaction, as in
 *     production. The floor is the same create with a progress row read and written in its
 *     transaction and no rules. Learners are made by a superuser and impersonated, so the
 *     sign-in rate limit does not cap the bench.
 *  4. The supervisor's dashboard for 1,000 and 10,000 linked learners, computed on the server:
 *     the first page's time and size, sorted by name, by progress, and filtered by country.
 *  5. The scenario analysis on generated scenarios of 2,000 nodes with three variables (the
 *     exact exploration and, past its state budget, the over-approximation), and on the real ones.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensurePocketBase } from './lib/pocketbase-binary.ts';
import { bundleHooksLibrary } from './lib/hooks-bundle.ts';
import { projectFacts } from '../src/content/catalogue.ts';
import { freePort, startPocketBase, superuserToken, upsertSuperuser } from './lib/pb-process.ts';
import { kb, measureSite } from './lib/page-weight.ts';
import { measurePhonePages, profile, type PageKind } from './lib/phone-profile.ts';
import { hooksDir, root, siteDir } from './lib/paths.ts';
import { sectionCompleted } from '../src/learning-record/statements.ts';
import { statementFields } from '../src/learning-record/records.ts';
import { analyseScenario } from '../src/simulation/analysis.ts';
import { loadScenarios } from '../src/simulation/load.ts';
import { generatedScenario } from '../tests/support/generated-scenario.ts';

const learners = Number(process.env.BENCH_LEARNERS ?? 8);
const statementsPerLearner = Number(process.env.BENCH_STATEMENTS ?? 50);
const phoneRuns = Number(process.env.BENCH_RUNS ?? 3);

/** Budgets for a learner's phone (issue 10). */
const budgets = { lessonWire: 60 * 1024, learnerPageWire: 90 * 1024, buttonsMs: 2000 };

/**
 * The floor of a statement's cost on this server: the create, then its learner's progress row read
 * and written (update, or insert the first time) in the same transaction, as statements.pb.js does,
 * with none of the rules (no admission, no fold, no rate count, no LRS queue). Bench only.
 */
const benchFloorHook = `onRecordCreateRequest((e) => {
  e.app.runInTransaction((tx) => {
    e.app = tx;
    e.next();
    const user = e.record.getString("user");
    const activity = e.record.getString("object").split("/")[0];
    const now = new Date().toISOString().replace("T", " ");
    const row = new DynamicModel({ id: "", percent: 0 });
    let id = "";
    try {
      tx.db().newQuery("SELECT id, percent FROM progress WHERE user = {:user} AND activity = {:activity} LIMIT 1").bind({ user: user, activity: activity }).one(row);
      id = row.id;
    } catch (_) {}
    if (id) tx.db().newQuery("UPDATE progress SET percent = {:percent}, updated = {:now} WHERE id = {:id}").bind({ percent: Math.min(100, row.percent + 10), now: now, id: id }).execute();
    else tx.db().newQuery("INSERT INTO progress (id, user, activity, activityType, status, percent, created, updated) VALUES ({:id}, {:user}, {:activity}, 'module', 'in-progress', 10, {:now}, {:now})")
      .bind({ id: $security.randomStringWithAlphabet(15, "abcdefghijklmnopqrstuvwxyz0123456789"), user: user, activity: activity, now: now }).execute();
  });
}, "bench_floor");
`;

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
  // the platform's hooks, and one more for the floor (benchFloorHook)
  const hooks = mkdtempSync(path.join(os.tmpdir(), 'continuum-bench-hooks-'));
  cpSync(hooksDir, hooks, { recursive: true });
  writeFileSync(path.join(hooks, 'bench-floor.pb.js'), benchFloorHook);
  const pb = await startPocketBase({ binary, dataDir, port: await freePort(), hooksDir: hooks });
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
    // collections with the statements' fields: bench_plain with no hook (what a plain record create
    // costs here), bench_floor with the floor's hook (benchFloorHook)
    const statementsCollection = (await (await fetch(`${pb.url}/api/collections/statements`, { headers: admin })).json()) as { fields: { name: string; type: string }[] };
    for (const name of ['bench_plain', 'bench_floor']) {
      const made = await fetch(`${pb.url}/api/collections`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({
          name, type: 'base', createRule: '@request.auth.id != ""',
          fields: statementsCollection.fields.filter((f) => f.name !== 'id' && f.type !== 'autodate').map((f) => ({ ...f, id: undefined })),
        }),
      });
      if (!made.ok) throw new Error(`could not make the collection ${name}: ${made.status} ${await made.text()}`);
    }

    const session = async (i: number) => {
      const password = 'bench-password-1';
      const created = await fetch(`${pb.url}/api/collections/users/records`, {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({ email: `bench-${i}-${Date.now()}@bench.continuum.example`, password, passwordConfirm: password, name: `Bench ${i}`, verified: true }),
      });
      const { id } = (await created.json()) as { id: string };
      const impersonated = await fetch(`${pb.url}/api/collections/users/impersonate/${id}`, { method: 'POST', headers: admin, body: JSON.stringify({ duration: 3600 }) });
      return { id, token: ((await impersonated.json()) as { token: string }).token };
    };
    const people: { id: string; token: string }[] = [];
    // each round has learners of its own (statements are limited per account and minute)
    const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
    const crowd = Math.max(40, learners);
    for (let i = 0; i < crowd * rounds; i++) people.push(await session(i));

    /** PocketBase's CPU time so far in ms (Linux; null elsewhere): a per-request cost the machine's other load barely moves. */
    const serverCpuMs = (): number | null => {
      try {
        const fields = readFileSync(`/proc/${pb.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
      } catch {
        return null;
      }
    };
    /** Each of `concurrent` learners sends `perLearner` new statements to `collection`, one after another. */
    const send = async (collection: string, concurrent: number, perLearner: number, offset: number, round = 0) => {
      const latencies: number[] = [];
      let failures = 0;
      const cpu0 = serverCpuMs();
      const t0 = performance.now();
      await Promise.all(
        people.slice(round * crowd, round * crowd + concurrent).map(async ({ id, token }) => {
          for (let n = 0; n < perLearner; n++) {
            const { slug, section } = sections[(offset + n) % sections.length]!;
            const statement = statementFields(sectionCompleted({ user: id, moduleSlug: slug, sectionId: section, language: 'en' }));
            const s0 = performance.now();
            const response = await fetch(`${pb.url}/api/collections/${collection}/records`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body: JSON.stringify(statement) });
            await response.arrayBuffer();
            if (!response.ok) failures++;
            latencies.push(performance.now() - s0);
          }
        }),
      );
      const cpu1 = serverCpuMs();
      return { perSecond: latencies.length / ((performance.now() - t0) / 1000), latencies, failures, cpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
    };
    type Run = Awaited<ReturnType<typeof send>>;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    /** The rounds of one kind together: the median rate, the latencies of all, the server CPU per request over all. */
    const pooled = (runs: Run[]) => {
      const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
      const cpu = runs.every((r) => r.cpuMs !== null) ? runs.reduce((sum, r) => sum + r.cpuMs!, 0) / latencies.length : null;
      return { perSecond: median(runs.map((r) => r.perSecond)), p50: percentile(latencies, 50), p95: percentile(latencies, 95), failures: runs.reduce((sum, r) => sum + r.failures, 0), cpuPerRequest: cpu };
    };
    console.log(
      '\nLearning record on one PocketBase: statements (rules, admission, fold, certificates, one transaction) beside plain creates on a hook-free collection,\n' +
        'and the floor: the same create with a progress row read and written in its transaction, and no rules (what the issue\'s one transaction costs by itself)',
    );
    const cpu = (run: { cpuPerRequest: number | null }) => (run.cpuPerRequest === null ? '' : `, CPU ${run.cpuPerRequest.toFixed(2)} ms`);
    // a first pass of each, not reported: the first requests to a fresh server are slower
    for (const collection of ['bench_plain', 'bench_floor', 'statements']) await send(collection, 10, 5, 0);
    for (const concurrent of [1, 10, 40]) {
      const perLearner = Math.max(10, Math.round(statementsPerLearner / Math.sqrt(concurrent)));
      // the three kinds take turns, round after round; a ratio is the median of the rounds' ratios
      const runs: Record<'plain' | 'floor' | 'statements', Run[]> = { plain: [], floor: [], statements: [] };
      for (let round = 0; round < rounds; round++) {
        runs.plain.push(await send('bench_plain', concurrent, perLearner, concurrent, round));
        runs.floor.push(await send('bench_floor', concurrent, perLearner, concurrent, round));
        runs.statements.push(await send('statements', concurrent, perLearner, concurrent, round));
      }
      const [plainRun, floorRun, statementRun] = [pooled(runs.plain), pooled(runs.floor), pooled(runs.statements)];
      const ofPlain = (run: { perSecond: number }) => {
        const own = run === statementRun ? runs.statements : runs.floor;
        const ratios = own.map((r, i) => (100 * r.perSecond) / runs.plain[i]!.perSecond);
        return `${median(ratios).toFixed(0)} % of plain (rounds ${ratios.map((x) => x.toFixed(0)).join('/')})`;
      };
      console.log(
        `  ${String(concurrent).padStart(2)} learners at once: statements ${statementRun.perSecond.toFixed(0)}/s (p50 ${statementRun.p50.toFixed(1)} ms, p95 ${statementRun.p95.toFixed(1)} ms${cpu(statementRun)}): ${ofPlain(statementRun)} (budget >= 80 %)\n` +
          `      floor ${floorRun.perSecond.toFixed(0)}/s (p95 ${floorRun.p95.toFixed(1)} ms${cpu(floorRun)}): ${ofPlain(floorRun)}; plain ${plainRun.perSecond.toFixed(0)}/s (p95 ${plainRun.p95.toFixed(1)} ms${cpu(plainRun)}); ` +
          `failures ${statementRun.failures + floorRun.failures + plainRun.failures}`,
      );
    }
  } finally {
    await pb.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(hooks, { recursive: true, force: true });
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

/**
 * The supervisor's dashboard for 1,000 and 10,000 linked learners: the first page's time and
 * size. The learners and their progress are written straight into the database of a throwaway
 * server by a route that exists only in this bench's copy of the hooks.
 */
async function cohortAtScale() {
  const binary = await ensurePocketBase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'continuum-bench-cohort-'));
  const hooks = mkdtempSync(path.join(os.tmpdir(), 'continuum-bench-hooks-'));
  cpSync(hooksDir, hooks, { recursive: true });
  writeFileSync(path.join(hooks, 'bench_fixtures.pb.js'), `
routerAdd("POST", "/api/bench/cohort", (e) => {
  const body = e.requestInfo().body;
  const steps = body.steps;
  e.app.runInTransaction((tx) => {
    for (let i = 0; i < body.count; i++) {
      const id = ("b" + body.prefix + String(i).padStart(8, "0")).padEnd(15, "0");
      tx.db().newQuery("INSERT INTO users (id, email, password, tokenKey, name, supervisor, track, country, verified, emailVisibility, role, created, updated) VALUES ({:id}, {:email}, 'x', {:id}, {:name}, {:sup}, {:track}, {:country}, 1, 1, 'learner', '2026-12-01 00:00:00.000Z', '2026-12-01 00:00:00.000Z')")
        .bind({ id: id, email: id + "@bench.continuum.example", name: "Learner " + i, sup: body.supervisor, track: ["border-officer", "teacher"][i % 2], country: ["Kenya", "Malawi", "Zambia"][i % 3] }).execute();
      for (let s = 0; s < steps.length; s++) {
        if ((i + s) % 3 === 0) continue;
        tx.db().newQuery("INSERT INTO progress (id, user, activity, activityType, status, completedSections, totalSections, percent, score, checkPassed, language, lastActivityAt, created, updated) VALUES ({:pid}, {:user}, {:activity}, 'module', {:status}, '[]', 5, 100, 1, 1, 'en', '2026-12-01 00:00:00.000Z', '2026-12-01 00:00:00.000Z', '2026-12-01 00:00:00.000Z')")
          .bind({ pid: ("p" + body.prefix + String(i).padStart(5, "0") + String(s).padStart(3, "0")).padEnd(15, "0"), user: id, activity: steps[s], status: (i + s) % 3 === 1 ? "passed" : "in-progress" }).execute();
      }
    }
  });
  return e.json(200, { ok: true });
}, $apis.requireSuperuserAuth());
`);
  upsertSuperuser(binary, dataDir, 'bench@bench.continuum.example', 'bench-superuser-1');
  const pb = await startPocketBase({ binary, dataDir, port: await freePort(), hooksDir: hooks, output: process.env.PB_LOG ? 'inherit' : undefined });
  try {
    const su = await superuserToken(pb.url, 'bench@bench.continuum.example', 'bench-superuser-1');
    const admin = { 'content-type': 'application/json', authorization: su };
    const path0 = projectFacts(root).paths[0]!;
    console.log(`\nSupervisor's dashboard, first page (path ${path0.id}, ${path0.steps.length} steps), computed on the server`);
    let prefix = 0;
    let linked = 0;
    for (const size of [1000, 10000]) {
      const supervisor = (await (await fetch(`${pb.url}/api/collections/users/records`, {
        method: 'POST', headers: admin,
        body: JSON.stringify({ email: `sup-${size}@bench.continuum.example`, password: 'bench-password-1', passwordConfirm: 'bench-password-1', name: `Supervisor ${size}`, role: 'supervisor', verified: true }),
      })).json()) as { id: string };
      for (let done = 0; done < size; done += 1000) {
        const made = await fetch(`${pb.url}/api/bench/cohort`, { method: 'POST', headers: admin, body: JSON.stringify({ count: Math.min(1000, size - done), prefix: `${prefix++}x`, supervisor: supervisor.id, steps: path0.steps }) });
        if (!made.ok) throw new Error(`could not make the cohort: ${made.status} ${await made.text()}`);
      }
      linked = size;
      const session = await fetch(`${pb.url}/api/collections/users/impersonate/${supervisor.id}`, { method: 'POST', headers: admin, body: JSON.stringify({ duration: 3600 }) });
      const token = ((await session.json()) as { token: string }).token;
      for (const [label, query] of [['by name', 'sort=name'], ['by progress', 'sort=progress&direction=descending'], ['one country', 'country=Kenya']] as const) {
        const times: number[] = [];
        let bytes = 0;
        for (let run = 0; run < 5; run++) {
          const t0 = performance.now();
          const response = await fetch(`${pb.url}/api/continuum/cohort?path=${path0.id}&${query}`, { headers: { authorization: token, 'accept-encoding': 'identity' } });
          bytes = (await response.arrayBuffer()).byteLength;
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        console.log(`  ${String(linked).padStart(6)} learners, ${label.padEnd(12)} median ${times[2]!.toFixed(0)} ms (budget 300), ${kb(bytes)} (budget 50 KB)`);
      }
    }
  } finally {
    await pb.stop();
    if (process.env.BENCH_KEEP) console.log(`  (data kept in ${dataDir})`);
    else rmSync(dataDir, { recursive: true, force: true });
    rmSync(hooks, { recursive: true, force: true });
  }
}

// BENCH_ONLY=record,cohort (any of analysis, weight, record, cohort) runs only those parts
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const wanted = (part: string) => !only || only.includes(part);
if (wanted('analysis')) scenarioAnalysis();
if (wanted('weight')) await pageWeight();
if (wanted('record')) await onRealPocketBase();
if (wanted('cohort')) await cohortAtScale();
