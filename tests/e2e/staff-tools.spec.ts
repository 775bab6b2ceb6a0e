/**
 * The SCORM download on the lessons list and on scenario pages: shown only to supervisors, trainers and
 * admins (islands/lib/staff-tools.ts), never to a learner, and it saves a real package.
 */
import { test, expect } from '@playwright/test';
import { createPerson } from '../support/pb.ts';
import { signInAs } from '../support/ui.ts';
import en from '../../src/i18n/ui/en.json' with { type: 'json' };

test('a supervisor downloads a lesson as a SCORM package from the lessons list; a learner sees no download', async ({ page, browser, request }) => {
  test.slow(); // the server builds the package the first time it is asked for
  const learner = await createPerson(request, 'staff-learner');
  await signInAs(page, learner);
  await page.goto('/en/modules/');
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { name: en.interop.scormHeading })).toHaveCount(0);
  await expect(page.locator('[data-scorm-slot]')).toBeEmpty();

  const supervisor = await createPerson(request, 'staff-supervisor', { role: 'supervisor' });
  const staffContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const staff = await staffContext.newPage();
  await signInAs(staff, supervisor);
  await staff.goto('/en/modules/');
  await expect(staff.getByRole('heading', { name: en.interop.scormHeading })).toBeVisible();
  await staff.getByLabel(en.interop.scormModule, { exact: true }).selectOption('children-on-the-move');
  const download = staff.waitForEvent('download', { timeout: 90_000 });
  await staff.getByTestId('scorm-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('continuum-module-children-on-the-move-en.zip');
  const zip = await (await import('node:fs/promises')).readFile((await file.path())!);
  expect(zip.subarray(0, 2).toString()).toBe('PK');

  await staff.goto('/en/scenarios/border-arrival/');
  await expect(staff.getByRole('heading', { name: en.interop.scormHeading })).toBeVisible();
  await staffContext.close();
});
