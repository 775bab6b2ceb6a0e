/**
 * Drafts in the studio are never lost: two trainers editing one draft are told instead of
 * overwriting each other (409 with who saved), each keeps their text; YAML with an error is kept
 * as typed and applied once it is valid; a problem in a language's file is shown at its line;
 * a translation edited in the Translate tab is saved with the draft, and an English edit marks
 * the translations made from the old English as out of date, in the editor and in the list
 * (which reads the coverage the server stored, not the drafts' documents).
 */
import { test, expect } from '@playwright/test';
import { adminList, createPerson, newId } from '../support/pb.ts';
import { builtInCopy, createDraft } from '../support/studio.ts';
import { signInAs, ui } from '../support/ui.ts';

const s = ui.en.studio;

test('two trainers on one draft: the second is told who saved, keeps their text, and chooses', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const first = await createPerson(request, 'studio-first', { role: 'trainer', name: 'Fatuma First' });
  const second = await createPerson(request, 'studio-second', { role: 'trainer', name: 'Sami Second' });
  const id = `together-${newId().slice(0, 6)}`;
  const draft = await createDraft(request, first, builtInCopy('school-enrolment', id));
  const open = async (person: typeof first) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, person);
    await page.goto(`/en/studio/?scenario=${id}`);
    await expect(page.getByTestId('save-state')).toHaveText(s.save.saved.replace('{{revision}}', '1'));
    return page;
  };
  const a = await open(first);
  const b = await open(second);

  await a.locator('[data-path="summary"]').fill('Fatuma’s summary.');
  await expect(a.getByTestId('save-state')).toHaveText(s.save.saved.replace('{{revision}}', '2'));

  await b.locator('[data-path="title"]').fill('Sami’s title');
  const conflict = b.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Fatuma First');
  await expect(b.getByTestId('save-state')).toHaveText(s.save.conflict);
  await expect(b.locator('[data-path="title"]')).toHaveValue('Sami’s title'); // nothing typed is lost
  let [stored] = await adminList(request, 'scenario_drafts', `id = "${draft.id}"`);
  expect(stored).toMatchObject({ revision: 2, editedBy: first.id });
  expect((stored!.document as { scenario: { summary: string; title: string } }).scenario).toMatchObject({ summary: 'Fatuma’s summary.' });
  expect((stored!.document as { scenario: { title: string } }).scenario.title).not.toBe('Sami’s title');

  // Sami downloads his version, then saves his over hers: a deliberate choice
  const download = b.waitForEvent('download');
  await b.getByRole('button', { name: s.downloadMine }).click();
  expect((await download).suggestedFilename()).toBe(`${id}.zip`);
  await b.getByRole('button', { name: s.keepMine }).click();
  await expect(b.getByTestId('save-state')).toHaveText(s.save.saved.replace('{{revision}}', '3'));
  [stored] = await adminList(request, 'scenario_drafts', `id = "${draft.id}"`);
  expect((stored!.document as { scenario: { title: string } }).scenario.title).toBe('Sami’s title');

  // Fatuma's next edit is now the one told; she loads his version instead
  await a.locator('[data-path="summary"]').fill('Fatuma again.');
  await expect(a.getByTestId('conflict')).toContainText('Sami Second');
  await a.getByRole('button', { name: s.loadTheirs }).click();
  await expect(a.locator('[data-path="title"]')).toHaveValue('Sami’s title');
  await expect(a.getByTestId('save-state')).toHaveText(s.save.saved.replace('{{revision}}', '3'));
});

test('the YAML view keeps YAML with an error as typed, shows the line, and applies it once valid', async ({ page, request }) => {
  const trainer = await createPerson(request, 'studio-yaml', { role: 'trainer' });
  const id = `yaml-${newId().slice(0, 6)}`;
  await createDraft(request, trainer, builtInCopy('first-interview', id));
  await signInAs(page, trainer);
  await page.goto(`/en/studio/?scenario=${id}`);
  await expect(page.getByTestId('problem-count')).toHaveText(s.noProblems);
  await page.getByRole('tab', { name: s.tabs.yaml }).click();
  const editor = page.locator('.cm-content');
  await expect(editor).toBeVisible();

  // break the title line: an unclosed quote
  await page.locator('.cm-line', { hasText: /^title: / }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(' (draft)');
  await expect(page.getByTestId('yaml-error')).toContainText('line 3');
  await expect(page.getByTestId('yaml-error')).toContainText('quote');
  // the forms still hold the last valid data, and the typed text stays in the editor
  await expect(editor).toContainText('(draft)');
  await page.getByRole('tab', { name: s.tabs.edit }).click();
  await expect(page.locator('[data-path="title"]')).not.toHaveValue(/\(draft\)/);
  await page.getByRole('tab', { name: s.tabs.yaml }).click();
  await expect(editor).toContainText('(draft)');
  await page.locator('.cm-line', { hasText: /^title: / }).click();
  await page.keyboard.press('End');
  await page.keyboard.type('"');
  await expect(page.getByTestId('yaml-error')).toHaveCount(0);
  await page.getByRole('tab', { name: s.tabs.edit }).click();
  await expect(page.locator('[data-path="title"]')).toHaveValue(/\(draft\)$/);

  // a problem in a language's file is a link to its line in that file
  await page.getByRole('tab', { name: s.tabs.yaml }).click();
  await page.locator('#yaml-file').selectOption('fr.yaml');
  await page.locator('.cm-line', { hasText: /^title: / }).click();
  await page.keyboard.press('ControlOrMeta+Shift+K'); // delete the line: the French title is missing
  await expect(page.getByTestId('problems')).toContainText('fr.yaml: title');
  await page.getByRole('tab', { name: s.tabs.edit }).click();
  await page.getByTestId('problems').getByRole('link', { name: /fr\.yaml: title/ }).click();
  await expect(page.locator('#yaml-file')).toHaveValue('fr.yaml');
  await expect(page.locator('.cm-content')).toBeFocused();
});

test('translations are written beside the English and saved with the draft; an English edit marks them out of date', async ({ page, request }) => {
  const trainer = await createPerson(request, 'studio-translate', { role: 'trainer' });
  const id = `translate-${newId().slice(0, 6)}`;
  const draft = await createDraft(request, trainer, builtInCopy('first-interview', id));
  const saved = (revision: number) => s.save.saved.replace('{{revision}}', String(revision));
  await signInAs(page, trainer);
  await page.goto(`/en/studio/?scenario=${id}`);
  await expect(page.getByTestId('save-state')).toHaveText(saved(1));

  await page.locator('[data-path="title"]').fill('The first interview, revised');
  await expect(page.getByTestId('save-state')).toHaveText(saved(2));
  await page.getByRole('tab', { name: s.tabs.translate }).click();
  await expect(page.getByTestId('translate-language')).toHaveValue('fr');
  const title = page.locator('.translate .row[data-path="title"]');
  await expect(title).toHaveAttribute('data-status', 'outdated');
  await expect(page.locator('.translate .row[data-path="summary"]')).toHaveAttribute('data-status', 'current');

  await title.locator('textarea').fill('Le premier entretien, revu');
  await expect(title).toHaveAttribute('data-status', 'current');
  await expect(page.getByTestId('save-state')).toHaveText(saved(3));
  const [stored] = await adminList(request, 'scenario_drafts', `id = "${draft.id}"`);
  const document = stored!.document as { overlays: Record<string, { title: string }>; translatedFrom: Record<string, Record<string, string>> };
  expect(document.overlays.fr!.title).toBe('Le premier entretien, revu');
  expect(document.translatedFrom.fr!.title).toBe('The first interview, revised');
  expect(document.overlays.ar!.title).not.toBe('Le premier entretien, revu');

  // after a reload the French title is up to date and the Arabic one still out of date
  await page.reload();
  await page.getByRole('tab', { name: s.tabs.translate }).click();
  await expect(page.locator('.translate .row[data-path="title"]')).toHaveAttribute('data-status', 'current');
  await page.getByTestId('translate-language').selectOption('ar');
  await expect(page.locator('.translate .row[data-path="title"]')).toHaveAttribute('data-status', 'outdated');

  // the list says the same per language: French complete, the four others out of date, from
  // the summary the server stored with each draft (one request, no document downloaded)
  const listRequests: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/collections/scenario_drafts/records')) listRequests.push(r.url());
  });
  await page.goto('/en/studio/');
  const row = page.locator(`tr[data-scenario="${id}"]`);
  await expect(row.locator('li.out-of-date')).toHaveCount(4);
  await expect(row.locator('li.complete')).toHaveCount(1);
  await expect(row.locator('li.complete')).toContainText('Français');
  expect(listRequests).toHaveLength(1);
  expect(new URL(listRequests[0]!).searchParams.get('fields')!.split(',')).not.toContain('document');
});
