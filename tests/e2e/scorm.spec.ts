/**
 * SCORM 1.2 packages in a real SCORM runtime that nobody here wrote: each package made by the
 * exporter is unzipped and launched in Chromium inside a page where the scorm-again library
 * provides window.API, as an LMS would. A lesson and a case simulation are played to the end
 * in English and in Arabic (right-to-left); the test asserts what the runtime recorded (lesson
 * status, score, interactions, session time) and that a new session resumes from suspend_data.
 * The LMS page and the package are served by Playwright's routing on a made-up origin: no
 * network, no PocketBase.
 */
import { test, expect, type Page, type FrameLocator } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue } from '../support/content.ts';
import { buildPackage } from '../../src/interop/scorm/export.ts';
import { availableChoices, applyEffects, initialContext } from '../../src/simulation/machine.ts';
import { walkRecommended } from '../../src/simulation/rules.ts';

const lms = 'http://lms.continuum.test';
const scormAgain = readFileSync(path.join(process.cwd(), 'node_modules/scorm-again/dist/scorm12.min.js'), 'utf8');
const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', xml: 'application/xml' };

interface Recorded {
  core: { lesson_status: string; score: { raw: string; min: string; max: string }; session_time: string; exit: string };
  suspend_data: string;
  interactions: { id: string; type: string; student_response: string; result: string; time: string }[];
}

/**
 * Opens the LMS page with a fresh scorm-again API (optionally loaded with what an LMS hands back
 * on the next launch) and the package in an iframe.
 */
async function launch(page: Page, files: Record<string, Uint8Array>, resume?: { student_id: string; lesson_status: string; suspend_data: string }) {
  await page.route(`${lms}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/lms.html') {
      const init = resume
        ? `window.API.loadFromJSON({ core: { student_id: ${JSON.stringify(resume.student_id)}, lesson_status: ${JSON.stringify(resume.lesson_status)}, entry: 'resume' }, suspend_data: ${JSON.stringify(resume.suspend_data)} });`
        : `window.API.loadFromJSON({ core: { student_id: 'learner-7', entry: 'ab-initio' } });`;
      const html = `<!doctype html><html><head><title>LMS</title><script src="/scorm-again.js"></script><script>
        window.API = new Scorm12API({ autocommit: false, logLevel: 5 }); ${init}
        </script></head><body><iframe src="/package/index.html" style="width:100%;height:90vh"></iframe></body></html>`;
      return route.fulfill({ contentType: 'text/html', body: html });
    }
    if (url.pathname === '/scorm-again.js') return route.fulfill({ contentType: 'text/javascript', body: scormAgain });
    const name = url.pathname.replace(/^\/package\//, '');
    const file = files[name];
    if (!file) return route.fulfill({ status: 404, body: 'not in the package' });
    return route.fulfill({ contentType: types[name.split('.').pop()!] ?? 'application/octet-stream', body: Buffer.from(file) });
  });
  await page.goto(`${lms}/lms.html`);
  return page.frameLocator('iframe');
}

/** The learner leaves: the package's page unloads (it reports its session time and finishes), the LMS page stays. */
async function leave(page: Page): Promise<Recorded> {
  await page.evaluate(() => {
    document.querySelector('iframe')!.src = 'about:blank';
  });
  // scorm-again keeps the CMITimespan the package sent (HHHH:MM:SS.SS) as HH:MM:SS.SS
  await expect.poll(async () => (await recorded(page)).core.session_time).not.toBe('00:00:00');
  const cmi = await recorded(page);
  expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  await page.goto('about:blank');
  await page.unrouteAll();
  return cmi;
}

/** What the runtime holds now (read from scorm-again's CMI object, as its commit would send it). */
async function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => {
    const cmi = JSON.parse(JSON.stringify((window as unknown as { API: { cmi: unknown } }).API.cmi));
    const interactions = cmi.interactions?.childArray ?? Object.values(cmi.interactions ?? {}).filter((v) => typeof v === 'object');
    return { core: cmi.core, suspend_data: cmi.suspend_data, interactions } as Recorded;
  });
}

async function unpack(kind: 'module' | 'scenario', id: string, lang: 'en' | 'ar') {
  const pkg = await buildPackage(catalogue(), kind, id, lang);
  const files = unzipSync(pkg.zip);
  const manifest = strFromU8(files['imsmanifest.xml']!);
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest).toMatch(/<organizations default="[^"]+">\s*<organization identifier=/);
  expect(manifest).toMatch(/<resource [^>]*type="webcontent" adlcp:scormtype="sco" href="index.html"/);
  for (const name of Object.keys(files).filter((n) => n !== 'imsmanifest.xml')) expect(manifest).toContain(`<file href="${name}"/>`);
  return files;
}

// making a package reads the whole content catalogue: slow on a busy machine
test.describe.configure({ timeout: 120_000 });

for (const lang of ['en', 'ar'] as const) {
  test(`a lesson package reports status, score, answers and resumes in a SCORM 1.2 runtime (${lang})`, async ({ page }) => {
    const module = catalogue().modules.find((m) => m.slug === 'at-the-border')!;
    const fm = (module.files[lang] ?? module.files.en)!.frontmatter;
    const quiz = fm.quiz!;
    const files = await unpack('module', module.slug, lang);

    // first session: two sections done, then the learner leaves
    let frame: FrameLocator = await launch(page, files);
    await expect(frame.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    await expect(frame.locator('h1')).toHaveText(fm.title);
    await frame.locator(`button[data-section="${fm.sections[0]!.id}"]`).click();
    await frame.locator(`button[data-section="${fm.sections[1]!.id}"]`).click();
    let cmi = await recorded(page);
    expect(cmi.core.lesson_status).toBe('incomplete');
    expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);
    cmi = await leave(page);
    expect(cmi.core.lesson_status).toBe('incomplete');

    // second session: the LMS hands back status and suspend_data; the two sections are still done
    frame = await launch(page, files, { student_id: 'learner-7', lesson_status: cmi.core.lesson_status, suspend_data: cmi.suspend_data });
    await expect(frame.getByTestId(`done-${fm.sections[0]!.id}`)).toBeVisible();
    await expect(frame.getByTestId(`done-${fm.sections[1]!.id}`)).toBeVisible();
    for (const section of fm.sections.slice(2)) await frame.locator(`button[data-section="${section.id}"]`).click();

    // every section done, the check failed: "completed" (as on the platform), with its score
    for (const question of quiz.questions) {
      const wrong = question.options.find((o) => !o.correct)!;
      await frame.locator(`[data-question="${question.id}"] input[value="${wrong.id}"]`).check();
    }
    await frame.locator('form button[type="submit"]').click();
    await expect(frame.getByTestId('check-result')).toContainText('0');
    cmi = await recorded(page);
    expect(cmi.core.lesson_status).toBe('completed');
    expect(cmi.core.score.raw).toBe('0');

    // a second attempt with the right answers: passed, 100
    await frame.locator('form button[type="button"]').click();
    for (const question of quiz.questions) {
      for (const option of question.options.filter((o) => o.correct)) await frame.locator(`[data-question="${question.id}"] input[value="${option.id}"]`).check();
    }
    await frame.locator('form button[type="submit"]').click();
    cmi = await recorded(page);
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score).toMatchObject({ raw: '100', min: '0', max: '100' });

    // one interaction per answer and attempt, ids without spaces, letters for the options
    expect(cmi.interactions).toHaveLength(2 * quiz.questions.length);
    const second = cmi.interactions.slice(quiz.questions.length);
    quiz.questions.forEach((question, i) => {
      const letters = question.options.flatMap((o, j) => (o.correct ? ['abcdefghij'[j]] : [])).join(',');
      expect(second[i]).toMatchObject({ id: `question_${question.id}`, type: 'choice', student_response: letters, result: 'correct' });
      expect(second[i]!.time).toMatch(/^\d{2}:\d{2}:\d{2}$/);
      expect(cmi.interactions[i]!.result).toBe('wrong');
    });
    for (const interaction of cmi.interactions) expect(interaction.id).toMatch(/^[A-Za-z0-9_-]{1,255}$/);
  });

  test(`a case simulation package plays to a good ending and resumes in a SCORM 1.2 runtime (${lang})`, async ({ page }) => {
    const item = catalogue().scenarios.find((s) => s.scenario.id === 'border-arrival')!;
    const scenario = item.scenario;
    const path = walkRecommended(scenario).path;
    const files = await unpack('scenario', scenario.id, lang);

    const play = async (frame: FrameLocator, choices: string[], from = scenario.start, variables = initialContext(scenario).variables) => {
      let node = from;
      for (const choiceId of choices) {
        await expect(frame.locator('#player')).toHaveAttribute('data-step', node);
        await frame.locator(`button.choice[data-choice="${choiceId}"]`).click();
        await expect(frame.getByTestId('choice-feedback')).toBeVisible();
        await frame.locator('.feedback button').click();
        const choice = availableChoices(scenario, node, variables).find((c) => c.id === choiceId)!;
        variables = applyEffects(scenario, variables, choice.effects);
        node = choice.next;
      }
      return { node, variables };
    };

    // first session: the first choice, then the learner leaves
    let frame = await launch(page, files);
    await expect(frame.locator('html')).toHaveAttribute('lang', lang);
    const first = await play(frame, path.slice(0, 1));
    let cmi = await leave(page);
    expect(cmi.core.lesson_status).toBe('incomplete');
    expect(cmi.interactions).toHaveLength(1);

    // second session: resumed at the node after that choice, then played to the good ending
    frame = await launch(page, files, { student_id: 'learner-7', lesson_status: cmi.core.lesson_status, suspend_data: cmi.suspend_data });
    await expect(frame.locator('#player')).toHaveAttribute('data-step', first.node);
    const end = await play(frame, path.slice(1), first.node, first.variables);
    expect(scenario.endings[end.node]?.outcome).toBe('good');
    await expect(frame.locator('#player')).toHaveAttribute('data-step', end.node);
    await expect(frame.getByTestId('outcome')).toBeVisible();
    cmi = await recorded(page);
    expect(cmi.core.lesson_status).toBe('passed');
    expect(cmi.core.score).toMatchObject({ raw: '100', min: '0', max: '100' });
    // this session's interactions (an LMS keeps the first session's one with the attempt)
    expect(cmi.interactions).toHaveLength(path.length - 1);
    for (const interaction of cmi.interactions) {
      expect(interaction).toMatchObject({ type: 'choice', result: 'correct' });
      expect(interaction.id).toMatch(/^choice_[a-z0-9-]+$/);
      expect(interaction.student_response).toMatch(/^[a-d]$/);
    }
    expect(cmi.suspend_data.length).toBeLessThanOrEqual(4096);
  });
}
