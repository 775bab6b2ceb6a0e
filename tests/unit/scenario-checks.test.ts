/**
 * The scenario checks a trainer relies on: one fixture per mistake, each message naming the
 * file, the node or choice id, the reason and a fix; the analysis at scale; safe Markdown.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { analyseScenario, learnMoreProblems } from '../../src/simulation/analysis.ts';
import { corrections, learnMoreModules } from '../../src/simulation/debrief.ts';
import { exploreScenario } from '../../src/simulation/explore.ts';
import { scenarioFolderProblems } from '../../src/simulation/files.ts';
import { loadScenarios } from '../../src/simulation/load.ts';
import { compileScenario, currentStep } from '../../src/simulation/machine.ts';
import { markdownProblems, renderMarkdown, renderTexts } from '../../src/simulation/markdown.ts';
import { applyOverlay, formatScenarioProblems, validateScenario, type Overlay, type Scenario, type ScenarioProblem } from '../../src/simulation/schema.ts';
import { parseYamlText } from '../../src/simulation/yaml.ts';
import { generatedScenario } from '../support/generated-scenario.ts';
import { fixture } from '../support/scenario-fixture.ts';

const file = 'content/scenarios/fixture/scenario.yaml';
const problemsOf = (s: Scenario, overlays: Record<string, Overlay> = {}) => analyseScenario(file, s, overlays).problems;

/** The one problem at `where` whose reason matches, checked to name the file and to carry a fix. */
function expectProblem(problems: readonly ScenarioProblem[], where: string, reason: RegExp, fix: RegExp, expectedFile = file): ScenarioProblem {
  const found = problems.filter((p) => p.where === where && reason.test(p.reason));
  expect(found, `no problem at ${where} matching ${reason} in:\n${formatScenarioProblems(problems)}`).toHaveLength(1);
  const problem = found[0]!;
  expect(problem.file).toBe(expectedFile);
  expect(problem.fix ?? '').toMatch(fix);
  const line = formatScenarioProblems([problem]);
  expect(line).toContain(expectedFile);
  expect(line).toContain(where);
  return problem;
}

const choice = (id: string, next: string, extra: Partial<Scenario['nodes'][string]['choices'][number]> = {}) =>
  ({ id, label: id, feedback: id, effects: {}, points: {}, recommended: false, next, ...extra });

describe('messages that teach', () => {
  it('suggests the near match for an unknown target', () => {
    const s = fixture();
    s.nodes.guardian = { text: 'The guardian arrives.', choices: [choice('greet', 'n4'), choice('wait', 'n4')] };
    s.nodes.n3!.choices[1]!.next = 'guardain';
    expectProblem(problemsOf(s), 'nodes.n3.choices.c3-bad', /next "guardain" is not a node or an ending/, /Did you mean "guardian"\?/);
  });

  it('says which condition blocks an ending that can never be reached', () => {
    const s = fixture();
    s.nodes.n5!.choices[2]!.condition = { all: [{ variable: 'trust', op: '>=', value: 100 }] };
    const p = expectProblem(problemsOf(s), 'endings.mixed-end', /^this ending can never be reached$/, /^the only choice that leads here: c5-trusting \(in "n5"\) needs trust >= 100, but when the learner is at "n5", trust is only 0, 10, 30, 60\./);
    expect(p.fix).toMatch(/Change that condition or the effects before it/);
    // one message for one cause: the choice that cannot lead there is not reported again
    expect(problemsOf(s).map((x) => x.where)).toEqual(['endings.mixed-end']);
  });

  it('lists the known principles for an unknown one, with the nearest', () => {
    const data = { ...fixture(), principles: ['child-first', 'child-frist'] };
    const result = validateScenario(file, data);
    expect(result.ok).toBe(false);
    const text = formatScenarioProblems(result.ok ? [] : result.problems);
    expect(text).toContain(`${file}: principles.#2: principles: "child-frist" is not a principle we score. Did you mean "child-first"?`);
    expect(text).toContain('Principles: child-first, no-detention, families-together, participation, confidentiality, best-interests, safety, non-discrimination');
    const points = fixture() as unknown as { nodes: Record<string, { choices: { points: Record<string, number> }[] }> };
    points.nodes.n2!.choices[0]!.points = { 'best-interest': 1 };
    const byPoints = validateScenario(file, points);
    expectProblem(byPoints.ok ? [] : byPoints.problems, 'nodes.n2.choices.c2-good.points', /"best-interest" is not a principle we score/, /Did you mean "best-interests"\? Principles: child-first/);
  });

  it('names a wrong operator and the one meant', () => {
    const data = fixture() as unknown as { nodes: Record<string, { choices: { condition?: unknown }[] }> };
    data.nodes.n5!.choices[2]!.condition = { all: [{ variable: 'trust', op: '=>', value: 50 }] };
    const result = validateScenario(file, data);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(1);
    expect(formatScenarioProblems(problems)).toBe(`${file}: nodes.n5.choices.c5-trusting.condition.all.#1.op: "=>" is not an operator: write ">=" (operators: < <= > >= == !=; quote them in YAML, e.g. op: ">=")`);
  });

  it('names choices by id, not by position', () => {
    const data = fixture() as unknown as { nodes: Record<string, { choices: { label: unknown }[] }> };
    data.nodes.n4!.choices[1]!.label = '';
    const result = validateScenario(file, data);
    expect(result.ok ? [] : result.problems.map((p) => p.where)).toEqual(['nodes.n4.choices.c4-bad.label']);
  });

  it('suggests the field meant for an unknown one', () => {
    const data = fixture() as unknown as { nodes: Record<string, { choices: Record<string, unknown>[] }> };
    data.nodes.n2!.choices[0]!.recomended = true;
    const result = validateScenario(file, data);
    expectProblem(result.ok ? [] : result.problems, 'nodes.n2.choices.c2-good', /unknown field "recomended"/, /Did you mean "recommended"\?/);
  });

  it('shows a YAML error with its line, an excerpt and a fix in plain words', () => {
    const result = parseYamlText('id: x\ntitle: "A girl\nsummary: Hello: world\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.line).toBe(2);
    expect(result.problem.reason).toMatch(/^not valid YAML at line 2, column \d+: a quote or bracket is not closed/);
    expect(result.problem.reason).toContain('   2 | title: "A girl');
    expect(result.problem.fix).toMatch(/close the quote/);
  });

  it('reports a condition on an unknown variable once, with the near match, and nothing that follows from it', () => {
    const s = fixture();
    s.nodes.n5!.choices[2]!.condition = { all: [{ variable: 'trsut', op: '>=', value: 50 }] };
    const problems = problemsOf(s);
    expect(problems).toHaveLength(1);
    expectProblem(problems, 'nodes.n5.choices.c5-trusting', /condition on unknown variable "trsut"/, /Did you mean "trust"\? Variables: trust/);
  });

  it('reports an effect that always hits its bound', () => {
    const s = fixture();
    // trust is 20 at n1, the bad choice takes it to 0 and n2's bad choice then always clamps
    s.nodes.n1!.choices[1]!.next = 'n2';
    s.nodes.n1!.choices[0]!.effects = { trust: -20 };
    expectProblem(problemsOf(s), 'nodes.n2.choices.c2-bad', /effect -20 on "trust" always hits the bound 0: trust is always 0 when this choice can be taken/, /already at 0 here/);
    const t = fixture();
    t.nodes.n1!.choices[1]!.effects = { trust: -50 };
    t.nodes.n1!.choices[0]!.effects = { trust: -50 };
    expectProblem(problemsOf(t), 'nodes.n1.choices.c1-bad', /effect -50 on "trust" always hits the bound 0: trust is always 20/, /make it -20 \(trust can fall by at most 20 here\)/);
  });

  it('reports a declared principle that no choice scores', () => {
    const s = fixture();
    s.principles = ['child-first', 'safety'];
    expectProblem(problemsOf(s), 'principles', /"safety" is declared but no choice scores it/, /add points: \{ safety: 1 \}/);
  });

  it('reports a learner trapped at a node whose choices all lead back to it', () => {
    const s = fixture();
    s.nodes.n6!.choices = [choice('c6-again', 'n6', { recommended: true }), choice('c6-wait', 'n6')];
    expectProblem(problemsOf(s), 'nodes.n6', /the learner is trapped: every choice here \(c6-again, c6-wait\) leads back to this node/, /point at least one choice to a node that leads on, or to an ending/);
  });

  it('reports a learner trapped by conditions that never let them out', () => {
    const s = fixture();
    // at n8 the way on needs trust >= 90; the other choice loops back to n8 with no effect
    s.nodes.n8!.choices = [
      choice('c8-on', 'n9', { recommended: true, condition: { all: [{ variable: 'trust', op: '>=', value: 90 }] } }),
      choice('c8-round', 'n8', { effects: { trust: 0 } }),
    ];
    s.nodes.n8!.choices[1]!.effects = {};
    const p = expectProblem(problemsOf(s), 'nodes.n8', /^the learner is trapped when trust=\d+ \(reached by c1-good → /, /add a way out without a condition/);
    expect(p.reason).toContain('the conditions on the way out never hold');
  });

  it('allows 2 to 4 choices per node, as the guide says', () => {
    const one = fixture();
    one.nodes.n2!.choices = [one.nodes.n2!.choices[0]!];
    const five = fixture();
    five.nodes.n3!.choices.push(choice('x1', 'n4'), choice('x2', 'n4'), choice('x3', 'n4'));
    for (const [data, where, reason] of [[one, 'nodes.n2.choices', /2 to 4 choices/], [five, 'nodes.n3.choices', /at most 4 choices/]] as const) {
      const result = validateScenario(file, data);
      const problems = result.ok ? [] : result.problems;
      expect(problems.map((p) => p.where)).toEqual([where]);
      expect(problems[0]!.reason).toMatch(reason);
    }
  });

  it('reports overlay files with the wrong name, and the name they need', () => {
    const problems = scenarioFolderProblems('content/scenarios/x/', ['scenario.yaml', 'fr.yml', 'french.yaml', 'Español.yaml', 'en.yaml', 'notes.txt', 'pt.yaml']);
    const byFile = Object.fromEntries(problems.map((p) => [p.file, p]));
    expect(Object.keys(byFile).sort()).toEqual(['content/scenarios/x/Español.yaml', 'content/scenarios/x/en.yaml', 'content/scenarios/x/fr.yml', 'content/scenarios/x/french.yaml', 'content/scenarios/x/notes.txt']);
    expect(byFile['content/scenarios/x/fr.yml']!.fix).toBe('rename it to fr.yaml');
    expect(byFile['content/scenarios/x/french.yaml']!.fix).toBe('rename it to fr.yaml');
    expect(byFile['content/scenarios/x/Español.yaml']!.fix).toBe('rename it to es.yaml');
    expect(byFile['content/scenarios/x/en.yaml']!.reason).toMatch(/English text lives in scenario.yaml/);
    expect(byFile['content/scenarios/x/notes.txt']!.fix).toMatch(/fr.yaml, pt.yaml, es.yaml, sw.yaml, ar.yaml/);
  });

  it('asks for a label on a variable the player has no words for, and for its translation', () => {
    const s = fixture();
    s.variables.hope = { initial: 5, min: 0, max: 10 };
    s.nodes.n2!.choices[0]!.effects = { trust: 10, hope: 1 };
    expectProblem(problemsOf(s), 'variables.hope', /variable "hope" has no label/, /add label: "\.\.\." .* translate it under variables\.hope\.label in each <lang>\.yaml/);
    s.variables.hope.label = 'Hope';
    expect(problemsOf(s).filter((p) => p.where.startsWith('variables'))).toEqual([]);
    const fr: Overlay = { title: 'T', summary: 'S' };
    expectProblem(problemsOf(s, { fr }), 'variables.hope.label', /missing translation/, /add label: "\.\.\."/, 'content/scenarios/fixture/fr.yaml');
    expect(applyOverlay(s, { variables: { hope: { label: 'Espoir' } } }).variables.hope!.label).toBe('Espoir');
  });

  it('lets a scenario say which modules teach a principle, and checks they exist', () => {
    const s = fixture();
    expect(learnMoreModules(s)).toEqual({ 'child-first': ['children-on-the-move'] });
    s.learn_more = { 'child-first': ['at-the-border', 'childrn-on-the-move'] };
    expect(learnMoreModules(s)).toEqual({ 'child-first': ['at-the-border', 'childrn-on-the-move'] });
    expectProblem(learnMoreProblems(file, s, ['at-the-border', 'children-on-the-move']), 'learn_more.child-first', /no lesson module "childrn-on-the-move"/, /Did you mean "children-on-the-move"\?/);
    s.learn_more = { safety: ['at-the-border'] };
    expectProblem(problemsOf(s), 'learn_more.safety', /"safety" is not in this scenario's principles/, /add safety to principles/);
  });

  it('allows several good choices at a node: acceptable ones are not corrected in the debrief', () => {
    const s = fixture();
    s.nodes.n2!.choices.push(choice('c2-also-fine', 'n3', { acceptable: true, points: { 'child-first': 1 } }));
    expect(problemsOf(s)).toEqual([]);
    const history = [{ node: 'n1', choice: 'c1-good' }, { node: 'n2', choice: 'c2-also-fine' }, { node: 'n3', choice: 'c3-bad' }];
    expect(corrections(s, history).map((c) => [c.node, c.chose, c.better.id])).toEqual([['n3', 'c3-bad', 'c3-good']]);
    const twice = fixture();
    twice.nodes.n2!.choices[1]!.recommended = true;
    expectProblem(problemsOf(twice), 'nodes.n2', /exactly one recommended choice; it has 2 \(c2-good, c2-bad\)/, /mark the other good ones acceptable: true/);
    const both = fixture();
    both.nodes.n2!.choices[0]!.acceptable = true;
    expectProblem(problemsOf(both), 'nodes.n2.choices.c2-good', /either recommended or acceptable, not both/, /keep recommended: true/);
  });

  it('reports a choice that is never offered, and why', () => {
    const s = fixture();
    s.nodes.n2!.choices.push(choice('c2-never', 'n3', { condition: { all: [{ variable: 'trust', op: '>', value: 95 }] } }));
    expectProblem(problemsOf(s), 'nodes.n2.choices.c2-never', /this choice is never offered: c2-never \(in "n2"\) needs trust > 95, but when the learner is at "n2", trust is always 30/, /loosen the condition/);
  });
});

describe('a scenario that cannot be read stays in the listing', () => {
  it('is listed as unchecked, with the YAML line and wrongly named overlays', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'continuum-scenarios-'));
    try {
      const dir = path.join(root, 'content', 'scenarios', 'broken');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'scenario.yaml'), 'id: broken\ntitle: "unclosed\nversion: 1\n');
      writeFileSync(path.join(dir, 'fr.yml'), 'title: x\n');
      const report = loadScenarios(root);
      expect(report.unchecked).toEqual(['broken']);
      const text = formatScenarioProblems(report.problems);
      expect(text).toContain('content/scenarios/broken/scenario.yaml: line 2: not valid YAML at line 2');
      expect(text).toContain('   2 | title: "unclosed');
      expect(text).toContain('content/scenarios/broken/fr.yml: (file name): this file is not read: overlays are named by language code\n    fix: rename it to fr.yaml');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('no raw HTML from a scenario', () => {
  const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'];

  /** The fixture with a payload appended to every text, in the scenario and in an overlay. */
  function poisoned(payload: string): { s: Scenario; fr: Overlay } {
    const s = fixture();
    s.title += payload;
    s.summary += payload;
    s.variables.trust!.label = `Trust ${payload}`;
    const fr: Overlay = { title: `T ${payload}`, summary: `S ${payload}`, variables: { trust: { label: `Confiance ${payload}` } }, nodes: {}, endings: {} };
    for (const [id, node] of Object.entries(s.nodes)) {
      node.text += `\n\n${payload}`;
      node.speaker = `Officer ${payload}`;
      fr.nodes![id] = { text: `Texte\n\n${payload}`, speaker: `Agent ${payload}`, choices: {} };
      for (const c of node.choices) {
        c.label += payload;
        c.feedback += payload;
        fr.nodes![id]!.choices![c.id] = { label: `L ${payload}`, feedback: `F ${payload}` };
      }
    }
    for (const [id, e] of Object.entries(s.endings)) {
      e.text += ` [more](javascript:alert(1)) ${payload}`;
      e.title += payload;
      fr.endings![id] = { title: `Fin ${payload}`, text: `Fin ${payload}` };
    }
    return { s, fr };
  }

  for (const payload of payloads) {
    it(`refuses ${payload} in every text field, naming the file and the field`, () => {
      const { s, fr } = poisoned(payload);
      const problems = problemsOf(s, { fr });
      const where = (f: string) => problems.filter((p) => p.file === f && /HTML is not allowed/.test(p.reason)).map((p) => p.where);
      const english = where(file);
      const french = where('content/scenarios/fixture/fr.yaml');
      for (const [nodeId, node] of Object.entries(s.nodes)) {
        expect(english).toEqual(expect.arrayContaining([`nodes.${nodeId}.text`, `nodes.${nodeId}.speaker`, ...node.choices.flatMap((c) => [`nodes.${nodeId}.choices.${c.id}.label`, `nodes.${nodeId}.choices.${c.id}.feedback`])]));
        expect(french).toEqual(expect.arrayContaining([`nodes.${nodeId}.text`, `nodes.${nodeId}.speaker`, ...node.choices.flatMap((c) => [`nodes.${nodeId}.choices.${c.id}.label`, `nodes.${nodeId}.choices.${c.id}.feedback`])]));
      }
      for (const id of Object.keys(s.endings)) {
        expect(english).toEqual(expect.arrayContaining([`endings.${id}.title`, `endings.${id}.text`]));
        expect(french).toEqual(expect.arrayContaining([`endings.${id}.title`, `endings.${id}.text`]));
      }
      expect(english).toEqual(expect.arrayContaining(['title', 'summary', 'variables.trust.label']));
      expect(french).toEqual(expect.arrayContaining(['title', 'summary', 'variables.trust.label']));
      const text = problems.find((p) => p.where === 'nodes.n1.text' && p.file === file)!;
      expect(text.reason).toMatch(/raw HTML is not allowed: <(script|img)/);
      expect(text.reason).toMatch(/\(line 3 of the text\)/);
      expect(text.fix).toMatch(/write Markdown instead/);
      expectProblem(problems, 'endings.good-end.text', /the link "javascript:alert\(1\)" is not allowed/, /link only to https:\/\//);
    });

    it(`renders ${payload} as text, never as HTML, in English and in an overlay`, () => {
      const { s, fr } = poisoned(payload);
      for (const scenario of [s, applyOverlay(s, fr)]) {
        const html = Object.values(renderTexts(scenario)).join('\n');
        expect(html).not.toMatch(/<script|<img/i);
        expect(html).not.toContain('javascript:');
        expect(html).toContain(payload.startsWith('<script') ? '&lt;script&gt;' : '&lt;img src=x onerror=alert(1)&gt;');
      }
    });
  }

  it('keeps Markdown: emphasis, lists, safe links', () => {
    expect(renderMarkdown('**Ask** first.\n\n- one\n- two\n\n[guide](https://example.org)')).toBe('<p><strong>Ask</strong> first.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p><a href="https://example.org">guide</a></p>');
    expect(markdownProblems('children < 5 and [a page](/en/modules/at-the-border/)')).toEqual([]);
  });
});

describe('the analysis at scale', () => {
  it('checks a generated 2,000-node, three-variable scenario within its budget, with the planted mistakes and no false ones', () => {
    const s = generatedScenario(2000, 20, 7, true);
    const analysis = analyseScenario(file, s);
    expect(analysis.exact).toBe(false); // too many states: the over-approximation decides
    const errors = analysis.problems.filter((p) => /unreachable|can never be reached|trapped|dead end/.test(p.reason));
    // every node and ending reported unreachable is one the over-approximation proves so; the planted ones are among them
    expectProblem(errors, 'nodes.sealed', /^unreachable/, /into-sealed \(in "n5-0"\) needs trust == 33, but when the learner is at "n5-0", trust is between \d+ and \d+/);
    expectProblem(errors, 'endings.sealed-end', /^this ending can never be reached$/, /sealed-a is in "sealed", which can never be reached itself/);
    // a real path backs every node not reported: replay the paths to the endings on the XState machine
    for (const ending of ['good-end', 'mixed-end', 'harmful-end']) {
      const actor = createActor(compileScenario(s)).start();
      for (const choiceId of analysis.shortestPaths[ending]!) actor.send({ type: 'CHOOSE', choice: choiceId });
      expect(currentStep(actor.getSnapshot())).toBe(ending);
    }
    // nothing reported unreachable that a run reaches
    const x = exploreScenario(s);
    for (const p of errors.filter((e) => /unreachable|can never be reached/.test(e.reason))) expect(x.reached.has(p.where.split('.')[1]!)).toBe(false);
    // what could not be proven is named, never silently dropped
    for (const u of analysis.unproven) expect(u.reason).toMatch(/could not prove .* \(the analysis explored \d+ states \(budget \d+\)/);
  });

  it('gives the same verdicts as an exact exploration when it has to approximate', () => {
    const s = generatedScenario(160, 12, 3, true);
    const exact = analyseScenario(file, s, {}, undefined, { stateBudget: 5_000_000 });
    const approximate = analyseScenario(file, s, {}, undefined, { stateBudget: 500 });
    expect(exact.exact).toBe(true);
    expect(approximate.exact).toBe(false);
    const verdicts = (a: typeof exact) => a.problems.filter((p) => /unreachable|can never be reached/.test(p.reason)).map((p) => p.where).sort();
    const approximateVerdicts = verdicts(approximate);
    // sound: whatever the approximation reports, the exact analysis reports too
    for (const where of approximateVerdicts) expect(verdicts(exact)).toContain(where);
    // and whatever it misses is listed as unproven
    const missed = verdicts(exact).filter((w) => !approximateVerdicts.includes(w));
    for (const where of missed) expect(approximate.unproven.map((u) => u.where)).toContain(where);
    expect(verdicts(exact)).toEqual(expect.arrayContaining(['endings.sealed-end', 'nodes.sealed']));
  });

  it('checks 2,000 nodes without effects exactly', () => {
    const s = generatedScenario(2000, 20, 7, false);
    const analysis = analyseScenario(file, s);
    expect(analysis.exact).toBe(true);
    expect(analysis.reachableNodes.length).toBeGreaterThan(1900);
  });
});

describe('the studio can run the same checks in the browser', () => {
  it('bundles the schema, the analysis and the Markdown renderer for a browser, with no Node built-ins', async () => {
    const { build } = await import('esbuild');
    const entries = ['schema', 'analysis', 'explore', 'markdown', 'yaml', 'files', 'debrief'].map((f) => `src/simulation/${f}.ts`);
    const result = await build({ entryPoints: entries, bundle: true, platform: 'browser', format: 'esm', write: false, outdir: 'out', logLevel: 'silent', metafile: true });
    expect(result.errors).toEqual([]);
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith('node:') || /^(fs|path|os)$/.test(i))).toEqual([]);
    expect(inputs).not.toContain('src/simulation/load.ts');
  });
});

describe('conditions on two variables at once', () => {
  it('explains a condition whose parts hold apart but never together, and accepts one that holds together', () => {
    const s = fixture();
    s.variables.risk = { initial: 50, min: 0, max: 100 };
    // every good choice raises trust by 10 and (now) lowers risk by 10: trust >= 60 comes with risk <= 10
    for (const node of Object.values(s.nodes)) node.choices[0]!.effects = { trust: 10, risk: -10 };
    s.nodes.n5!.choices[2]!.condition = { all: [{ variable: 'trust', op: '>=', value: 60 }, { variable: 'risk', op: '>=', value: 40 }] };
    expectProblem(problemsOf(s), 'endings.mixed-end', /^this ending can never be reached$/, /c5-trusting \(in "n5"\) needs trust >= 60 and risk >= 40, which never holds together with the values a learner has at "n5"/);
    s.nodes.n5!.choices[2]!.condition = { all: [{ variable: 'trust', op: '>=', value: 60 }, { variable: 'risk', op: '<=', value: 10 }] };
    expect(problemsOf(s)).toEqual([]);
  });
});
