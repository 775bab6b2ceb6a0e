/**
 * /<lang>/data/next-steps.json: what "Your next step" needs in one language (every path's steps,
 * each step's title, the words). Fetched by the NextStep island when a check, a simulation or a
 * lesson is finished, so that lesson pages do not carry it, and precached by the service worker
 * (scripts/lib/service-worker.ts), so that it works offline.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { locales, type Locale } from '../../../i18n/locales.ts';
import { nextStepData } from '../../../content/onboarding-data.ts';

export const getStaticPaths: GetStaticPaths = () => locales.map((lang) => ({ params: { lang } }));

export const GET: APIRoute = async ({ params }) =>
  new Response(JSON.stringify(await nextStepData(params.lang as Locale)), { headers: { 'content-type': 'application/json' } });
