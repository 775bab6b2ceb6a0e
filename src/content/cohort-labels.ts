/**
 * The words of the cohort CSV in every language (headers, statuses, tracks, path and step
 * titles), for the server, which writes the CSV (pb_hooks/cohort.pb.js). Made at start from the
 * UI strings and the content catalogue by scripts/lib/hooks-bundle.ts.
 */
import { defaultLocale, locales, type Locale } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/index.ts';
import type { CohortCsvLabels } from '../learning-record/cohort.ts';
import { activityId } from '../learning-record/activities.ts';
import type { Catalogue } from './catalogue.ts';
import { tracks } from './modules.ts';
import { pathTitle } from './paths.ts';

export function cohortCsvLabels(catalogue: Catalogue): Record<Locale, CohortCsvLabels> {
  const labels = {} as Record<Locale, CohortCsvLabels>;
  for (const lang of locales) {
    const t = useTranslations(lang);
    const steps: Record<string, string> = {};
    for (const m of catalogue.modules) steps[activityId.module(m.slug)] = (m.files[lang] ?? m.files[defaultLocale])!.frontmatter.title;
    for (const { scenario, overlays } of catalogue.scenarios) steps[activityId.scenario(scenario.id)] = (lang !== 'en' ? overlays[lang as keyof typeof overlays]?.title : undefined) ?? scenario.title;
    labels[lang] = {
      learner: t('supervise.learner'),
      email: t('auth.email'),
      track: t('supervise.track'),
      country: t('supervise.country'),
      path: t('supervise.path'),
      due: t('supervise.due'),
      progress: t('supervise.progress'),
      certificate: t('supervise.certificate'),
      status: {
        'not-started': t('paths.statusNotStarted'),
        'in-progress': t('paths.statusInProgress'),
        completed: t('paths.statusCompleted'),
        passed: t('paths.statusPassed'),
      },
      tracks: Object.fromEntries(tracks.map((tr) => [tr, t(`tracks.${tr}`)])),
      steps,
      paths: Object.fromEntries(catalogue.paths.map((p) => [p.id, pathTitle(t, p)])),
    };
  }
  return labels;
}
