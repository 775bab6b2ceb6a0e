/**
 * The installable app: its web app manifest, one per language (/<lang>/manifest.webmanifest,
 * linked from every page of that language), so that the installed app has its name in the
 * learner's language and opens on their home page. One app id for all six.
 */
import { textDirection, type Locale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/index.ts';

/** The brand colour of the header, for the browser's and the installed app's frame. */
export const themeColor = '#0b5c63';

export const icons = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const;

export function webAppManifest(lang: Locale) {
  const t = useTranslations(lang);
  return {
    id: '/',
    name: t('app.name'),
    short_name: t('app.shortName'),
    description: t('site.tagline'),
    lang,
    dir: textDirection(lang),
    start_url: `/${lang}/`,
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: themeColor,
    icons,
  };
}
