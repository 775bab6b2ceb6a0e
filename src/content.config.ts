import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { moduleFrontmatter } from './content/modules.ts';

/**
 * Lesson modules: content/modules/<module>/<lang>.mdx. The entry id is "<module>/<lang>".
 * An invalid frontmatter fails the build with the file, the field and the reason.
 */
const modules = defineCollection({
  loader: glob({ base: './content/modules', pattern: '*/*.mdx' }),
  schema: moduleFrontmatter,
});

export const collections = { modules };
