/**
 * The studio's calls for steps added to onboarding paths: the additions of one case simulation
 * (collection `path_steps`, trainers and admins only), adding and removing one, and the paths as
 * learners follow them now (GET /api/continuum/path-steps, with the site's paths from
 * /<lang>/data/next-steps.json). What may be added and where it goes is decided by
 * src/learning-record/path-steps.ts, on the server and here before sending.
 */
import type { Locale } from '../../../i18n/locales.ts';
import type { NextStepData } from '../../../content/onboarding-data.ts';
import { nextStepsWithServed, type ServedPathSteps } from '../../../content/path-views.ts';
import type { PathStepProblemCode } from '../../../learning-record/path-steps.ts';
import { isResponseError } from '../../lib/api-client.ts';
import { backend, describeError } from '../../lib/backend.ts';

export interface PathStepRecord {
  id: string;
  path: string;
  scenario: string;
  after: string;
  addedBy: string;
  created: string;
}

/** A refusal: the field it names and the problem's code (path-steps.ts), or a reason to show as is. */
export interface PathStepRefusal {
  field: 'path' | 'scenario' | 'after' | '';
  code: PathStepProblemCode | 'other';
  reason: string;
}

const steps = () => backend().collection('path_steps');

/** Every path with its steps in order and each step's title, in the trainer's language, as learners have them now. */
export async function currentPaths(lang: Locale): Promise<NextStepData> {
  const [site, served] = await Promise.all([
    fetch(`/${lang}/data/next-steps.json`).then((r) => {
      if (!r.ok) throw new Error(`${r.status} ${r.statusText}`);
      return r.json() as Promise<NextStepData>;
    }),
    backend().send<ServedPathSteps>('/api/continuum/path-steps', { method: 'GET' }),
  ]);
  return nextStepsWithServed(site, served, lang);
}

export const additionsOf = (scenario: string) =>
  steps().getFullList<PathStepRecord>({ filter: backend().filter('scenario = {:scenario}', { scenario }), sort: 'created' });

/** Adds the step, or says what is wrong and where. */
export async function addStep(step: { path: string; scenario: string; after: string }): Promise<PathStepRefusal | null> {
  try {
    await steps().create(step);
    return null;
  } catch (error) {
    return refusal(error);
  }
}

export async function removeStep(id: string): Promise<PathStepRefusal | null> {
  try {
    await steps().delete(id);
    return null;
  } catch (error) {
    return refusal(error);
  }
}

const codes: readonly string[] = ['unknown-path', 'not-published', 'already-on-path', 'unknown-position'];

function refusal(error: unknown): PathStepRefusal {
  if (isResponseError(error)) {
    const data = (error.response?.data ?? {}) as Record<string, { code?: string }>;
    for (const field of ['path', 'scenario', 'after'] as const) {
      const code = data[field]?.code?.replace(/^validation_/, '');
      if (code && codes.includes(code)) return { field, code: code as PathStepProblemCode, reason: describeError(error) };
      // two trainers adding the same step at once: the unique index answers
      if (code === 'not_unique') return { field: 'scenario', code: 'already-on-path', reason: describeError(error) };
    }
  }
  return { field: '', code: 'other', reason: describeError(error) };
}
