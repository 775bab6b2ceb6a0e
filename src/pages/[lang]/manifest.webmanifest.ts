import type { APIRoute } from 'astro';
import { locales, type Locale } from '../../i18n/locales.ts';
import { webAppManifest } from '../../pwa/app.ts';

export function getStaticPaths() {
  return locales.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(webAppManifest(params.lang as Locale), null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
