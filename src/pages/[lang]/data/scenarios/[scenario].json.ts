/**
 * /<lang>/data/scenarios/<id>.json: a case simulation's moments, choices and endings in one
 * language, for the supervisor's scenario insight (loaded only when asked for, so the
 * dashboard page stays light).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { locales, type Locale } from '../../../../i18n/locales.ts';
import { allScenarios, localizedScenario } from '../../../../simulation/page-data.ts';
import type { LoadedScenario } from '../../../../simulation/load.ts';

export const getStaticPaths: GetStaticPaths = () =>
  locales.flatMap((lang) => allScenarios().map((item) => ({ params: { lang, scenario: item.scenario.id }, props: { item } })));

/** A short name for a moment: its speaker line, or the start of its text. */
function momentLabel(speaker: string | undefined, text: string): string {
  if (speaker) return speaker;
  const plain = text.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
  const sentence = plain.split(/(?<=[.!?؟])\s/)[0] ?? plain;
  return sentence.length > 90 ? `${sentence.slice(0, 87)}…` : sentence;
}

export const GET: APIRoute = ({ params, props }) => {
  const { item } = props as { item: LoadedScenario };
  const { scenario } = localizedScenario(item, params.lang as Locale);
  const body = {
    id: scenario.id,
    title: scenario.title,
    start: scenario.start,
    nodes: Object.entries(scenario.nodes).map(([id, node]) => ({
      id,
      label: momentLabel(node.speaker, node.text),
      choices: node.choices.map((c) => ({ id: c.id, label: c.label, recommended: c.recommended })),
    })),
    endings: Object.entries(scenario.endings).map(([id, e]) => ({ id, title: e.title, outcome: e.outcome })),
  };
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
};
