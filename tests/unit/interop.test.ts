/**
 * Interop cores: xAPI 1.0.3 statements checked by Learning Locker's conformance-tested validator
 * (@learninglocker/xapi-validation), SCORM 1.2 session rules and limits over the real content,
 * the manifest, and what an Open Badges 3.0 credential says.
 */
import { describe, expect, it } from 'vitest';
import validation from '@learninglocker/xapi-validation';
import { catalogue, facts } from '../support/content.ts';
import { activityNames } from '../../src/interop/facts.ts';
import { toXapi } from '../../src/learning-record/xapi.ts';
import { backoffMs, delivery, endpointProblem, lrsHeaders, statementUrl } from '../../src/interop/lrs.ts';
import { knowledgeCheckResult, questionAnswered, registrationId, scenarioChoice, scenarioEnded, sectionCompleted } from '../../src/learning-record/statements.ts';
import {
  afterEnding, choiceIndex, choiceInteraction, cmiTimespan, decodeLessonState, decodePlaythrough, encodeLessonState, encodePlaythrough,
  lessonProgress, lessonStatus, questionInteraction, scormChoiceResponse, scormIdentifier, suspendDataLimit,
} from '../../src/interop/scorm/session.ts';
import { scormManifest } from '../../src/interop/scorm/manifest.ts';
import { lessonSections } from '../../src/interop/scorm/lesson-html.ts';
import { achievementDescription, credentialJwtPayload, openBadgeCredential, revocationList, withAddedSteps } from '../../src/interop/open-badges.ts';

const validate = ((validation as unknown as { default?: typeof validation }).default ?? validation) as unknown as (statement: unknown) => { message?: string; path?: unknown }[];
const site = 'https://continuum.example';

describe('xAPI export', () => {
  const names = activityNames(catalogue());
  const module = catalogue().modules.find((m) => m.slug === 'at-the-border')!;
  const fm = module.files.fr!.frontmatter;
  const scenario = catalogue().scenarios.find((s) => s.scenario.id === 'border-arrival')!.scenario;
  const common = { user: 'u1abcdefghijklm', language: 'fr' as const, now: new Date('2026-12-01T10:00:00Z') };
  const registration = registrationId();
  const choice = scenario.nodes[scenario.start]!.choices[0]!;
  const statements = [
    sectionCompleted({ ...common, moduleSlug: module.slug, sectionId: fm.sections[0]!.id }),
    questionAnswered({ ...common, moduleSlug: module.slug, questionId: fm.quiz!.questions[0]!.id, chosen: ['a', 'b'], correct: false }),
    knowledgeCheckResult({ ...common, moduleSlug: module.slug, scaled: 0.8, passed: true }),
    scenarioChoice({ ...common, scenario: scenario.id, version: scenario.version, registration, node: scenario.start, choice: choice.id, variables: { trust: 30 } }),
    scenarioEnded({ ...common, scenario: scenario.id, version: scenario.version, registration, ending: 'x', outcome: 'good', choices: [choice.id], scores: {}, scaled: 1 }),
  ];

  it('is valid xAPI 1.0.3 for every kind of statement, by an independent validator', () => {
    for (const statement of statements) {
      const xapi = toXapi(statement, { id: 'u1abcdefghijklm', name: 'Neema' }, site, names);
      expect(validate(xapi), statement.object).toEqual([]);
    }
  });

  it('names activities in the learner\'s language, with ADL activity types', () => {
    const section = toXapi(statements[0]!, { id: 'u1' }, site, names);
    expect(section.object.definition).toEqual({ name: { fr: fm.sections[0]!.title }, type: 'http://adlnet.gov/expapi/activities/module' });
    const question = toXapi(statements[1]!, { id: 'u1' }, site, names);
    expect(question.object.definition).toMatchObject({ name: { fr: fm.quiz!.questions[0]!.prompt }, interactionType: 'choice' });
  });

  it('puts a playthrough in context.registration and the version in context.revision', () => {
    const ended = toXapi(statements[4]!, { id: 'u1' }, site, names);
    expect(ended.context).toMatchObject({ registration, revision: String(scenario.version), language: 'fr' });
    expect(ended.object.definition?.type).toBe('http://adlnet.gov/expapi/activities/simulation');
  });

  it('the validator can fail: a statement without a verb id, or with a registration that is not a UUID', () => {
    const xapi = toXapi(statements[4]!, { id: 'u1' }, site, names);
    expect(validate({ ...xapi, verb: {} }).length).toBeGreaterThan(0);
    expect(validate({ ...xapi, context: { ...xapi.context, registration: 'playthrough-1' } }).length).toBeGreaterThan(0);
  });
});

describe('SCORM 1.2 session rules', () => {
  const lessonFacts = facts().modules['at-the-border']!;
  const n = lessonFacts.sections.length;

  it('reports a lesson by the platform\'s rules: passed only with every section done and the check passed', () => {
    const all = [...Array(n).keys()];
    expect(lessonStatus(lessonProgress('at-the-border', lessonFacts, { done: [0], best: null, checkPassed: false, attempt: 0 }, 'en'))).toBe('incomplete');
    expect(lessonStatus(lessonProgress('at-the-border', lessonFacts, { done: all.slice(1), best: 1, checkPassed: true, attempt: 0 }, 'en'))).toBe('incomplete');
    expect(lessonStatus(lessonProgress('at-the-border', lessonFacts, { done: all, best: 0.5, checkPassed: false, attempt: 1 }, 'en'))).toBe('completed');
    expect(lessonStatus(lessonProgress('at-the-border', lessonFacts, { done: all, best: 0.9, checkPassed: true, attempt: 1 }, 'en'))).toBe('passed');
  });

  it('reports a simulation passed at a good ending, and never loses a pass (platform progress)', () => {
    const s = { id: 'border-arrival', version: 1 };
    const harmful = afterEnding(null, s, { id: 'e1', outcome: 'harmful' }, 0.2, 'en');
    expect(harmful).toEqual({ status: 'completed', score: 0.2 });
    const good = afterEnding(harmful, s, { id: 'e2', outcome: 'good' }, 1, 'en');
    expect(good.status).toBe('passed');
    expect(afterEnding(good, s, { id: 'e1', outcome: 'harmful' }, 0.3, 'en').status).toBe('passed');
  });

  it('keeps suspend data within 4,096 characters for every lesson and the longest playthroughs', () => {
    for (const [slug, lesson] of Object.entries(facts().modules)) {
      const state = { done: [...lesson.sections.keys()], best: 0.667, checkPassed: true, attempt: 999_999 };
      const text = encodeLessonState(state, lesson.sections.length);
      expect(text.length, slug).toBeLessThanOrEqual(suspendDataLimit);
      expect(decodeLessonState(text, lesson.sections.length)).toEqual({ ...state, best: 0.667 });
    }
    for (const { scenario } of catalogue().scenarios) {
      const all = choiceIndex(scenario);
      const state = { playthrough: 12, choices: all.slice(-40), best: { status: 'passed' as const, score: 0.75 } };
      const text = encodePlaythrough(state, all)!;
      expect(text.length).toBeLessThanOrEqual(suspendDataLimit);
      expect(decodePlaythrough(text, all)).toEqual(state);
    }
    expect(encodePlaythrough({ playthrough: 1, choices: Array(3000).fill('a'), best: null }, ['a'])).toBeNull();
    expect(decodeLessonState('something else', 3)).toEqual({ done: [], best: null, checkPassed: false, attempt: 0 });
  });

  it('writes interactions with SCORM 1.2 identifiers and choice responses', () => {
    expect(scormIdentifier('question:a b')).toBe('question_a_b');
    expect(scormChoiceResponse(['x', 'y', 'z'], ['z', 'x'])).toBe('a,c');
    const q = questionInteraction({ id: 'q1', options: ['x', 'y', 'z'], correct: ['y'] }, ['z'], false, new Date(2026, 0, 1, 9, 5, 7));
    expect(q).toMatchObject({ id: 'question_q1', type: 'choice', student_response: 'c', result: 'wrong', time: '09:05:07', correct_responses: ['b'] });
    const node = { id: 'arrival', choices: [{ id: 'p', points: { safety: -1 } }, { id: 'r', recommended: true, points: { safety: 2 } }] };
    expect(choiceInteraction(node, 'p', new Date())).toMatchObject({ id: 'choice_arrival', student_response: 'a', result: 'wrong', correct_responses: ['b'] });
    expect(cmiTimespan(3_723_450)).toBe('0001:02:03.45');
  });

  it('renders every lesson body from its MDX (English and Arabic), sections in order, no raw HTML or scripts', () => {
    for (const module of catalogue().modules) {
      for (const file of [module.files.en!, module.files.ar].filter((f) => f !== undefined)) {
        const sections = lessonSections(file.body, file.frontmatter.sections);
        expect(sections.map((s) => s.id)).toEqual(file.frontmatter.sections.map((s) => s.id));
        for (const s of sections) expect(s.html).not.toMatch(/<script|javascript:|<Section|<Callout/i);
      }
    }
  });

  it('declares an organization and a SCO in the manifest, with the title escaped', () => {
    const xml = scormManifest({ identifier: 'continuum-module-x-en', title: 'A <b> & "c"', launch: 'index.html', files: ['index.html', 'player.js'], version: 2 });
    expect(xml).toContain('<organization identifier="continuum-module-x-en-org">');
    expect(xml).toContain('adlcp:scormtype="sco" href="index.html"');
    expect(xml).toContain('<title>A &lt;b&gt; &amp; &quot;c&quot;</title>');
  });
});

describe('Open Badges 3.0 credential', () => {
  const input = {
    site: `${site}/`, code: 'K7PQ3MZX9HTA', path: 'essentials', learnerName: 'Neema Otieno', emailHash: 'ab'.repeat(32), salt: 'cert1', issuedAt: '2026-12-01T10:00:00.000Z',
    achievement: { name: 'Essentials', description: 'Two lessons', steps: [{ kind: 'module' as const, id: 'children-on-the-move', name: 'Children on the move' }] },
  };

  it('is an OpenBadgeCredential with issuer, achievement and its steps, recipient, date and status', () => {
    const vc = openBadgeCredential(input);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.id).toBe(`${site}/api/continuum/certificates/K7PQ3MZX9HTA/credential`);
    expect(vc.issuer.id).toBe(`${site}/api/continuum/issuer`);
    expect(vc.credentialSubject.achievement.alignment[0]).toMatchObject({ targetName: 'Children on the move', targetCode: 'module:children-on-the-move' });
    expect(vc.credentialSubject.identifier).toContainEqual(expect.objectContaining({ identityType: 'emailAddress', hashed: true, identityHash: `sha256$${'ab'.repeat(32)}` }));
    expect(vc.credentialStatus).toEqual({ id: `${vc.id}?status=1`, type: '1EdRevocationList' });
    expect(credentialJwtPayload(vc)).toMatchObject({ iss: vc.issuer.id, jti: vc.id, nbf: Date.parse(input.issuedAt) / 1000 });
    expect(revocationList(site, input.code, true).revokedCredentials).toEqual([expect.objectContaining({ id: vc.id })]);
    expect(revocationList(site, input.code, false).revokedCredentials).toEqual([]);
  });

  it("names the case simulations trainers had added to the path, in their places, with the page each is played on", () => {
    const achievement = {
      name: 'Essentials',
      description: achievementDescription([]),
      steps: [
        { kind: 'module' as const, id: 'children-on-the-move', name: 'Children on the move' },
        { kind: 'scenario' as const, id: 'border-arrival', name: 'Arrival at the border' },
      ],
    };
    const added = withAddedSteps(
      'essentials',
      achievement,
      [
        { path: 'essentials', scenario: 'night-shelter', after: 'module:children-on-the-move' },
        { path: 'essentials', scenario: 'unpublished-one', after: '' },
        { path: 'other-path', scenario: 'elsewhere', after: '' },
      ],
      { 'night-shelter': { title: 'A night at the shelter', builtIn: false }, elsewhere: { title: 'Elsewhere', builtIn: false } },
    );
    expect(added.steps.map((s) => `${s.kind}:${s.id}`)).toEqual(['module:children-on-the-move', 'scenario:night-shelter', 'scenario:border-arrival']);
    expect(added.description).toContain('1 lesson(s)');
    expect(added.description).toContain('2 case simulation(s)');
    const alignment = openBadgeCredential({ ...input, achievement: added }).credentialSubject.achievement.alignment;
    expect(alignment[1]).toMatchObject({ targetName: 'A night at the shelter', targetCode: 'scenario:night-shelter', targetUrl: `${site}/en/scenarios/play/?id=night-shelter` });
    expect(alignment[2]!.targetUrl).toBe(`${site}/en/scenarios/border-arrival/`);
    // nothing added (or only to other paths): the achievement as the content has it
    expect(withAddedSteps('essentials', achievement, [{ path: 'other-path', scenario: 'elsewhere', after: '' }], { elsewhere: { title: 'Elsewhere', builtIn: false } })).toBe(achievement);
  });
});

describe('forwarding to an LRS: the rules the forwarder follows', () => {
  it('waits 30 s after a failure, twice as long after each next one, never more than an hour', () => {
    expect([0, 1, 2, 3, 8, 50].map(backoffMs)).toEqual([0, 30_000, 60_000, 120_000, 3_600_000, 3_600_000]);
  });
  it('stores a statement by its id under the endpoint, with or without a trailing slash or /statements', () => {
    for (const endpoint of ['https://lrs.example/xapi', 'https://lrs.example/xapi/', 'https://lrs.example/xapi/statements']) {
      expect(statementUrl(endpoint, 'a b')).toBe('https://lrs.example/xapi/statements?statementId=a%20b');
    }
  });
  it('takes 2xx and 409 as stored, sets 400 aside and tries everything else again', () => {
    expect([200, 204, 409, 400, 401, 403, 429, 500, 503].map(delivery)).toEqual(['stored', 'stored', 'stored', 'refused', 'retry', 'retry', 'retry', 'retry', 'retry']);
  });
  it('sends HTTP Basic credentials as UTF-8 base64 (goja has no btoa), with the xAPI version', () => {
    for (const [key, secret] of [['key', 'secret'], ['clé', 'sécrèt-🔑'], ['', ''], ['ab', 'c']]) {
      expect(lrsHeaders(key!, secret!).Authorization).toBe(`Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`);
    }
    expect(lrsHeaders('k', 's')['X-Experience-API-Version']).toBe('1.0.3');
  });
  it('accepts an http(s) endpoint and refuses anything else, or credentials in the URL', () => {
    expect(endpointProblem('https://lrs.example.org/xapi/')).toBeNull();
    for (const bad of ['', 'ftp://lrs.example.org', 'lrs.example.org/xapi', 'https://user:pw@lrs.example.org/xapi']) expect(endpointProblem(bad), bad).toContain('https://');
  });
});
