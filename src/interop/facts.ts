/**
 * What the server's interop routes must know of the content, written with the other server
 * facts at every start (scripts/lib/hooks-bundle.ts → pb_hooks/_generated/interop-facts.cjs):
 * each path as an Open Badges achievement (its name, description and steps, in English, the
 * issuer's language).
 */
import { useTranslations } from '../i18n/index.ts';
import { defaultLocale } from '../i18n/locales.ts';
import type { Catalogue } from '../content/catalogue.ts';
import { pathTitle } from '../content/paths.ts';
import type { AchievementFacts } from './open-badges.ts';

export interface InteropFacts {
  achievements: Record<string, AchievementFacts>;
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
    const lessons = steps.filter((s) => s.kind === 'module').length;
    achievements[path.id] = {
      name: pathTitle(t, path),
      description: `A Continuum onboarding path for the protection of unaccompanied and separated children on the move: ${lessons} lesson(s), each with its knowledge check passed, and ${steps.length - lessons} case simulation(s), each brought to a good outcome for the child.`,
      steps,
    };
  }
  return { achievements };
}
