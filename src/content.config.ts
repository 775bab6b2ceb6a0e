import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { moduleFrontmatter } from './content/modules.ts';
import { glossaryFile } from './content/glossary.ts';
import { pathFile } from './content/paths.ts';

/**
 * Lesson modules: content/modules/<module>/<lang>.mdx. The entry id is "<module>/<lang>".
 * An invalid frontmatter fails the build with the file, the field and the reason.
 */
const modules = defineCollection({
  loader: glob({ base: './content/modules', pattern: '*/*.mdx' }),
  schema: moduleFrontmatter,
});

/** Glossary per language: content/glossary/<lang>.yaml; the entry id is the language. */
const glossary = defineCollection({
  loader: glob({ base: './content/glossary', pattern: '*.yaml' }),
  schema: glossaryFile,
});

/** Onboarding paths per track: content/paths/<track>.yaml. */
const paths = defineCollection({
  loader: glob({ base: './content/paths', pattern: '*.yaml' }),
  schema: pathFile,
});

export const collections = { modules, glossary, paths };
