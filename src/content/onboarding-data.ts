/**
 * Build-time data for the path and onboarding pages (a path's page, My onboarding, My learners,
 * certificates): every path with its title and steps in one language, small enough to hand to an
 * island as props, and the labels those pages share.
 */
import type { Locale } from '../i18n/locales.ts';
import { pickStrings, useTranslations, type UiStrings } from '../i18n/index.ts';
import type { StepStatus } from '../learning-record/onboarding.ts';
import { localizedModule, onboardingPaths } from './catalog.ts';
import { pathTitle } from './paths.ts';
import { activityId } from '../learning-record/activities.ts';
import { tracks } from './modules.ts';
import { allScenarios, localizedScenario } from '../simulation/page-data.ts';

export interface StepView {
  activity: string;
  kind: 'module' | 'scenario';
  title: string;
  /** The language the title is in (English when not translated yet). */
  titleLang: Locale;
  href: string;
  minutes: number;
}

export interface PathView {
  id: string;
  track: string;
  title: string;
  href: string;
  steps: StepView[];
}

const views = new Map<Locale, Promise<PathView[]>>();

/** Every path in one language (worked out once per language for the whole build). */
export function pathViews(lang: Locale): Promise<PathView[]> {
  if (!views.has(lang)) views.set(lang, buildPathViews(lang));
  return views.get(lang)!;
}

async function buildPathViews(lang: Locale): Promise<PathView[]> {
  const t = useTranslations(lang);
  const paths = await onboardingPaths();
  return Promise.all(
    paths.map(async (path) => ({
      id: path.id,
      track: path.track ?? '',
      title: pathTitle(t, path),
      href: `/${lang}/paths/${path.id}/`,
      steps: await Promise.all(
        path.steps.map(async (step): Promise<StepView> => {
          if ('module' in step) {
            const m = await localizedModule(step.module, lang);
            return { activity: activityId.step(step), kind: 'module', title: m.entry.data.title, titleLang: m.textLocale, href: `/${lang}/modules/${step.module}/`, minutes: m.entry.data.minutes };
          }
          const item = allScenarios().find((s) => s.scenario.id === step.scenario)!;
          const { scenario, translated } = localizedScenario(item, lang);
          return { activity: activityId.step(step), kind: 'scenario', title: scenario.title, titleLang: translated ? lang : 'en', href: `/${lang}/scenarios/${step.scenario}/`, minutes: scenario.minutes };
        }),
      ),
    })),
  );
}

/** The words for each step status, in one language. */
export function stepStatusLabels(lang: Locale): Record<StepStatus, string> {
  const t = useTranslations(lang);
  return {
    'not-started': t('paths.statusNotStarted'),
    'in-progress': t('paths.statusInProgress'),
    completed: t('paths.statusCompleted'),
    passed: t('paths.statusPassed'),
  };
}

/** Each path's title by id (certificates name the path by id). */
export async function pathTitles(lang: Locale): Promise<Record<string, string>> {
  return Object.fromEntries((await pathViews(lang)).map((p) => [p.id, p.title]));
}

/** Each track's name, in one language. */
export function trackLabels(lang: Locale): Record<string, string> {
  const t = useTranslations(lang);
  return Object.fromEntries(tracks.map((tr) => [tr, t(`tracks.${tr}`)]));
}

/**
 * What the "next step" after a check, a simulation or a lesson needs, kept small (it is in every
 * lesson page): every path's steps by activity id, and each step's title once. The pages are
 * /<lang>/paths/<id>/, /<lang>/modules/<module>/ and /<lang>/scenarios/<scenario>/.
 */
export interface NextStepData {
  strings: UiStrings['nextStep'];
  /** Each path's steps as activity ids separated by spaces (one string: fewer bytes in the page). */
  paths: { id: string; track: string; title: string; steps: string }[];
  /**
   * Each activity on a path: its title, and the title's language when it is not the page's; the
   * page only for a step added in the studio (path-views.ts), whose page the id does not say.
   */
  steps: Record<string, { title: string; lang?: Locale; href?: string }>;
}

/** The next-step data of one language (/<lang>/data/next-steps.json; about 1 KB compressed). */
export async function nextStepData(lang: Locale): Promise<NextStepData> {
  const views = await pathViews(lang);
  const steps: NextStepData['steps'] = {};
  for (const step of views.flatMap((p) => p.steps)) {
    steps[step.activity] = { title: step.title, ...(step.titleLang === lang ? {} : { lang: step.titleLang }) };
  }
  return { strings: pickStrings(lang, 'nextStep'), paths: views.map((p) => ({ id: p.id, track: p.track, title: p.title, steps: p.steps.map((s) => s.activity).join(' ') })), steps };
}
