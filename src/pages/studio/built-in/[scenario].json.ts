/**
 * /studio/built-in/<id>.json: a built-in scenario's files (content/scenarios/<id>/) as a studio
 * document, loaded by the studio only when a trainer starts improving or copying it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allScenarios, builtInDocument } from '../../../simulation/page-data.ts';

export const getStaticPaths: GetStaticPaths = () => allScenarios().map((item) => ({ params: { scenario: item.scenario.id } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(builtInDocument(String(params.scenario))), { headers: { 'content-type': 'application/json' } });
