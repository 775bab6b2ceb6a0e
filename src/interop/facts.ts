/**
 * What the server's interop routes must know of the content, written with the other server
 * facts at every start (scripts/lib/hooks-bundle.ts → pb_hooks/_generated/interop-facts.cjs):
 * each path as an Open Badges achievement (its name, description and steps, in English, the
 * issuer's language).
 */
import { useTranslations } from '../i18n/index.ts';
import { defaultLocale, locales } from '../i18n/locales.ts';
import type { Catalogue } from '../content/catalogue.ts';
import { activityId } from '../learning-record/activities.ts';
import type { ActivityNames } from '../learning-record/xapi.ts';
import { applyOverlay } from '../simulation/overlay.ts';
import { pathTitle } from '../content/paths.ts';
import { achievementDescription, type AchievementFacts } from './open-badges.ts';

export interface InteropFacts {
  achievements: Record<string, AchievementFacts>;
  /** Every activity's name in each language it has (xAPI activity definitions). */
  names: ActivityNames;
}

/** The names of lessons, sections, questions, knowledge checks, simulations and choices, per language. */
export function activityNames(catalogue: Catalogue): ActivityNames {
  const names: ActivityNames = {};
  const add = (id: string, lang: string, name: string) => ((names[id] ??= {})[lang] = name);
  for (const module of catalogue.modules) {
    for (const file of Object.values(module.files)) {
      const fm = file.frontmatter;
      add(activityId.module(module.slug), file.lang, fm.title);
      for (const section of fm.sections) add(activityId.section(module.slug, section.id), file.lang, section.title);
      for (const question of fm.quiz?.questions ?? []) add(activityId.question(module.slug, question.id), file.lang, question.prompt);
      add(activityId.knowledgeCheck(module.slug), file.lang, `${fm.title}: ${useTranslations(file.lang)('module.knowledgeCheckHeading')}`);
    }
  }
  for (const item of catalogue.scenarios) {
    for (const lang of locales) {
      const overlay = lang === 'en' ? undefined : item.overlays[lang];
      if (lang !== 'en' && !overlay) continue;
      const scenario = applyOverlay(item.scenario, overlay);
      add(activityId.scenario(scenario.id), lang, scenario.title);
      for (const node of Object.values(scenario.nodes)) for (const choice of node.choices) add(activityId.choice(scenario.id, choice.id), lang, choice.label);
    }
  }
  return names;
}

export function interopFacts(catalogue: Catalogue): InteropFacts {
  const t = useTranslations(defaultLocale);
  const moduleName = (id: string) => catalogue.modules.find((m) => m.slug === id)?.files[defaultLocale]?.frontmatter.title ?? id;
  const scenarioName = (id: string) => catalogue.scenarios.find((s) => s.scenario.id === id)?.scenario.title ?? id;
  const achievements: Record<string, AchievementFacts> = {};
  for (const path of catalogue.paths) {
    const steps = path.steps.map((step) =>
      'module' in step ? { kind: 'module' as const, id: step.module, name: moduleName(step.module) } : { kind: 'scenario' as const, id: step.scenario, name: scenarioName(step.scenario) },
    );
    achievements[path.id] = { name: pathTitle(t, path), description: achievementDescription(steps), steps };
  }
  return { achievements, names: activityNames(catalogue) };
}
