/**
 * The supervisor's dashboard computed on the server (pb_hooks/cohort.pb.js): each person sees a
 * page of the learners linked to them and nobody else, with totals, sorting, paging, filters,
 * exports, assignment and scenario insight; 7 actors.
 */
import { test, expect } from '@playwright/test';
import { adminList, baseURL, createPerson, moduleCompletion, type Person } from '../support/pb.ts';
import { facts } from '../support/content.ts';
import fr from '../../src/i18n/ui/fr.json' with { type: 'json' };

const route = (path: string) => `${baseURL}/api/continuum/${path}`;
const lesson = 'children-on-the-move';

let supervisor: Person;
let others: Record<string, Person>;
let learners: Person[];

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  supervisor = await createPerson(request, 'cohort-sup', { role: 'supervisor' });
  learners = [];
  for (let i = 0; i < 7; i++) {
    learners.push(await createPerson(request, `cohort-l${i}`, { supervisor: supervisor.id, name: `Cohort Learner ${String.fromCharCode(65 + i)}`, track: i % 2 ? 'teacher' : 'border-officer', country: i < 4 ? 'Zambia' : 'Malawi' }));
  }
  others = {
    learner: learners[0]!,
    stranger: await createPerson(request, 'cohort-stranger'),
    otherSupervisor: await createPerson(request, 'cohort-sup2', { role: 'supervisor' }),
    trainer: await createPerson(request, 'cohort-trainer', { role: 'trainer' }),
    admin: await createPerson(request, 'cohort-admin', { role: 'admin' }),
  };
  // learner B has passed the first lesson
  for (const s of moduleCompletion(learners[1]!.id, lesson, facts().modules[lesson]!.sections)) {
    expect((await request.post(`${baseURL}/api/collections/statements/records`, { headers: { Authorization: learners[1]!.token }, data: s })).status()).toBe(200);
  }
});

test('each actor sees only the learners linked to them; a guest nothing', async ({ request }) => {
  const mine = await request.get(route('cohort?path=essentials'), { headers: { Authorization: supervisor.token } });
  expect(mine.status()).toBe(200);
  const body = await mine.json();
  expect(body).toMatchObject({ total: 7, linked: 7, page: 1, totalPages: 1 });
  expect(body.rows.map((r: { learner: { id: string } }) => r.learner.id).sort()).toEqual(learners.map((l) => l.id).sort());
  for (const [who, person] of Object.entries(others)) {
    const response = await request.get(route('cohort?path=essentials'), { headers: { Authorization: person.token } });
    expect(response.status(), who).toBe(200);
    expect((await response.json()).rows, who).toEqual([]);
    const insight = await request.get(route(`cohort/insight?scenario=border-arrival`), { headers: { Authorization: person.token } });
    expect((await insight.json()).plays, who).toBe(0);
  }
  expect((await request.get(route('cohort?path=essentials'))).status()).toBe(401);
  expect((await request.get(route('cohort/export.csv?path=essentials'))).status()).toBe(401);
  expect((await request.post(route('cohort/assign'), { data: { path: 'essentials', track: 'teacher' } })).status()).toBe(401);
});

test('sorts, pages and filters on the server, and counts completion and overdue over all rows', async ({ request }) => {
  const get = async (query: string) => (await (await request.get(route(`cohort?${query}`), { headers: { Authorization: supervisor.token } })).json());
  const first = await get('path=essentials&sort=name&perPage=3');
  expect(first).toMatchObject({ total: 7, totalPages: 3 });
  expect(first.rows.map((r: { learner: { name: string } }) => r.learner.name)).toEqual(['Cohort Learner A', 'Cohort Learner B', 'Cohort Learner C']);
  const last = await get('path=essentials&sort=name&direction=descending&perPage=3&page=3');
  expect(last.rows.map((r: { learner: { name: string } }) => r.learner.name)).toEqual(['Cohort Learner A']);
  const byProgress = await get('path=essentials&sort=progress&direction=descending');
  expect(byProgress.rows[0].learner.id).toBe(learners[1]!.id);
  expect(byProgress.rows[0].percent).toBe(50);
  expect(byProgress.completion[0]).toMatchObject({ done: 1, total: 7 });
  expect((await get('path=essentials&country=Malawi')).total).toBe(3);
  expect((await get('path=essentials&track=teacher&country=Zambia')).total).toBe(2);
  expect((await get('path=essentials&q=Learner%20G')).rows.map((r: { learner: { name: string } }) => r.learner.name)).toEqual(['Cohort Learner G']);
  expect((await get('path=essentials&q=%25')).total).toBe(0); // a % is a letter, not a wildcard
  expect((await get('path=essentials')).countries).toEqual(['Malawi', 'Zambia']);
  const bad = await request.get(route('cohort?path=essentials&sort=email'), { headers: { Authorization: supervisor.token } });
  expect(bad.status()).toBe(400);
});

test('assigns by track on the server (once, then a new due date), and the past due date shows overdue', async ({ request }) => {
  const assign = (data: object) => request.post(route('cohort/assign'), { headers: { Authorization: supervisor.token }, data });
  const first = await assign({ path: 'essentials', dueDate: '2026-01-15', track: 'teacher' });
  expect(await first.json()).toMatchObject({ learners: 3, created: 3, updated: 0 });
  expect(await (await assign({ path: 'essentials', dueDate: '2026-01-16', track: 'teacher' })).json()).toMatchObject({ learners: 3, created: 0, updated: 3 });
  expect((await assign({ path: 'nowhere', track: 'teacher' })).status()).toBe(400);
  // another supervisor cannot assign to my learners
  const theirs = await request.post(route('cohort/assign'), { headers: { Authorization: others.otherSupervisor!.token }, data: { path: 'essentials', learner: learners[0]!.id } });
  expect(await theirs.json()).toMatchObject({ learners: 0 });
  const page = await (await request.get(route('cohort?path=essentials'), { headers: { Authorization: supervisor.token } })).json();
  expect(page.overdue).toBe(3);
  const assigned = await adminList(request, 'assignments', `learner = "${learners[1]!.id}"`);
  expect(assigned).toMatchObject([{ path: 'essentials', dueDate: '2026-01-16 00:00:00.000Z', assignedBy: supervisor.id }]);
});

test('exports CSV in the supervisor\'s language and xAPI, for every row the filters keep', async ({ request }) => {
  const csv = await (await request.get(route('cohort/export.csv?path=essentials&country=Zambia&lang=fr'), { headers: { Authorization: supervisor.token } })).text();
  const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
  expect(lines).toHaveLength(5);
  expect(lines[0]!.startsWith(`${fr.supervise.learner},`)).toBe(true);
  expect(lines[0]).toContain(fr.supervise.certificate);
  expect(csv).toContain('Cohort Learner A');
  expect(csv).not.toContain('Cohort Learner E');
  const xapi = JSON.parse(await (await request.get(route('cohort/export.xapi?path=essentials'), { headers: { Authorization: supervisor.token } })).text());
  expect(xapi.length).toBeGreaterThan(5);
  expect(new Set(xapi.map((s: { actor: { account: { name: string } } }) => s.actor.account.name))).toEqual(new Set([learners[1]!.id]));
});
