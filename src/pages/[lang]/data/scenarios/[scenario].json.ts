/**
 * /<lang>/data/scenarios/<id>.json: a case simulation's moments, choices and endings in one
 * language, for the supervisor's scenario insight (loaded only when asked for, so the
 * dashboard page stays light). Published versions are outlined the same way in the browser.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { locales, type Locale } from '../../../../i18n/locales.ts';
import { allScenarios, localizedScenario } from '../../../../simulation/page-data.ts';
import { insightOutline } from '../../../../simulation/insight-outline.ts';
import type { LoadedScenario } from '../../../../simulation/load.ts';

export const getStaticPaths: GetStaticPaths = () =>
  locales.flatMap((lang) => allScenarios().map((item) => ({ params: { lang, scenario: item.scenario.id }, props: { item } })));

export const GET: APIRoute = ({ params, props }) => {
  const { item } = props as { item: LoadedScenario };
  const body = { ...insightOutline(localizedScenario(item, params.lang as Locale).scenario), version: item.scenario.version };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
