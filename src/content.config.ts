import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { moduleFrontmatter } from './content/modules.ts';

/**
 * Lesson modules: content/modules/<module>/<lang>.mdx. The entry id is "<module>/<lang>".
 * The collection is what renders module bodies; the content catalogue (src/content/catalogue.ts)
 * reads and checks every content file, modules included, for the pages, the checks and the server.
 */
const modules = defineCollection({
  loader: glob({ base: './content/modules', pattern: '*/*.mdx' }),
  schema: moduleFrontmatter,
});

export const collections = { modules };
