/** The content as the tests need it: the content catalogue (the source of truth, not the built pages). */
import { assertValid, catalogueOf, projectFacts } from '../../src/content/catalogue.ts';
import type { ModuleFrontmatter } from '../../src/content/modules.ts';
import type { LearningFacts } from '../../src/learning-record/facts.ts';

export const catalogue = () => assertValid(catalogueOf(process.cwd()));

/** What the server knows of the content (lessons' sections and answer keys, scenarios, paths). */
export const facts = (): LearningFacts => projectFacts(process.cwd());

export const moduleSlugs = (): string[] => catalogue().modules.map((m) => m.slug);

export function moduleFrontmatter(slug: string, lang: string): ModuleFrontmatter {
  const file = catalogue().modules.find((m) => m.slug === slug)?.files[lang as 'en'];
  if (!file) throw new Error(`no ${lang} version of module ${slug}`);
  return file.frontmatter;
}

export function hasTranslation(slug: string, lang: string): boolean {
  return Boolean(catalogue().modules.find((m) => m.slug === slug)?.files[lang as 'en']);
}
