/**
 * The paths a learner's page shows once the server has said which steps trainers added in the
 * studio (GET /api/continuum/path-steps; the rule is mergePathSteps in
 * src/learning-record/path-steps.ts). The pages are built with the paths of content/paths/; the
 * islands put the added case simulations in place with these functions, so nothing is rebuilt.
 * Pure: runs in the islands.
 */
import type { Locale } from '../i18n/locales.ts';
import type { NextStepData, StepView } from './onboarding-data.ts';

/** What the server sends: the paths that differ from the site's, and each added case simulation. */
export interface ServedPathSteps {
  /** Path id → its steps (activity ids) in order, for the paths with added steps. */
  paths: Record<string, string[]>;
  scenarios: Record<string, AddedScenario>;
}

export interface AddedScenario {
  /** The latest published version's title in each language it has (English always). */
  titles: Record<string, string>;
  minutes: number;
  /** The site was built with it: it is played at its own page; else at the page for studio scenarios. */
  builtIn: boolean;
}

const own = <T>(map: Record<string, T>, key: string): T | undefined => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined);

/**
 * The page of a case simulation: its own page when the site was built with it, else the page
 * that plays studio-published ones.
 * @example scenarioHref('fr', 'new-one', false) // '/fr/scenarios/play/?id=new-one'
 */
export function scenarioHref(lang: Locale, id: string, builtIn: boolean): string {
  return builtIn ? `/${lang}/scenarios/${id}/` : `/${lang}/scenarios/play/?id=${encodeURIComponent(id)}`;
}

/** A step the site was not built with, as a page shows it, or undefined when the server did not describe it. */
export function addedStepView(activity: string, served: ServedPathSteps, lang: Locale): StepView | undefined {
  const id = activity.startsWith('scenario:') ? activity.slice('scenario:'.length) : '';
  const scenario = id ? own(served.scenarios, id) : undefined;
  if (!scenario) return undefined;
  const translated = own(scenario.titles, lang);
  return {
    activity,
    kind: 'scenario',
    title: translated ?? own(scenario.titles, 'en') ?? id,
    titleLang: translated ? lang : 'en',
    href: scenarioHref(lang, id, scenario.builtIn),
    minutes: scenario.minutes,
  };
}

/**
 * The page's paths with the server's steps: for each path the server merged, its steps in the
 * server's order (the page's own views, and the added case simulations); other paths unchanged.
 * @example withServedSteps([{ id: 'p', steps: [a] }], { paths: { p: ['module:a', 'scenario:s'] }, scenarios: { s } }, 'en')
 * // [{ id: 'p', steps: [a, { activity: 'scenario:s', title: ..., href: '/en/scenarios/play/?id=s' }] }]
 */
export function withServedSteps<P extends { id: string; steps: StepView[] }>(paths: readonly P[], served: ServedPathSteps | null, lang: Locale): P[] {
  if (!served) return [...paths];
  return paths.map((path) => {
    const order = own(served.paths, path.id);
    if (!order) return path;
    const steps = order.flatMap((activity) => {
      const view = path.steps.find((s) => s.activity === activity) ?? addedStepView(activity, served, lang);
      return view ? [view] : [];
    });
    return { ...path, steps };
  });
}

/**
 * The "next step" data with the server's steps (see withServedSteps); an added step carries its
 * page, which the island cannot guess from the activity id.
 */
export function nextStepsWithServed(data: NextStepData, served: ServedPathSteps | null, lang: Locale): NextStepData {
  if (!served) return data;
  const steps = { ...data.steps };
  const paths = data.paths.map((path) => {
    const order = own(served.paths, path.id);
    if (!order) return path;
    for (const activity of order) {
      if (own(steps, activity)) continue;
      const view = addedStepView(activity, served, lang);
      if (view) steps[activity] = { title: view.title, href: view.href, ...(view.titleLang === lang ? {} : { lang: view.titleLang }) };
    }
    return { ...path, steps: order.filter((activity) => own(steps, activity)).join(' ') };
  });
  return { ...data, paths, steps };
}
