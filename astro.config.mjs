// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { unified } from '@astrojs/markdown-remark';
import remarkGlossary from './src/content/remark-glossary.ts';
import { assertContentValid } from './src/content/check.ts';
import { allScenarios } from './src/simulation/page-data.ts';

/**
 * The content checks of `npm run check:content` and `npm run check:scenarios`, run before
 * anything is built: a bad file stops the build with the same words as the checks (and
 * before the MDX compiler or the content layer reports it in theirs).
 */
/** @type {import('astro').AstroIntegration} */
const contentChecks = {
  name: 'continuum-content-checks',
  hooks: {
    'astro:config:setup': ({ command }) => {
      if (command !== 'build') return;
      assertContentValid(process.cwd());
      allScenarios();
    },
  },
};

// Static site: every page is prerendered per locale and served by PocketBase
// (its --publicDir) beside the API on one origin. See README.md.
export default defineConfig({
  site: process.env.CONTINUUM_SITE_URL ?? 'http://127.0.0.1:8090',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // The unified (remark) processor instead of the default Sätteri, for the glossary plugin,
  // which links the first use of each term in a module to the glossary. MDX inherits it.
  markdown: { processor: unified({ remarkPlugins: [remarkGlossary] }) },
  integrations: [contentChecks, mdx(), svelte()],
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        output: {
          // The small modules every learner page shares in one file, and the lesson's own in
          // another: on a phone at 300 ms a round trip, each request also costs its headers. (The
          // lesson page loads 9 scripts instead of 15; one group for all of src/islands/lib was
          // tried and pulled 117 KB into every page.)
          codeSplitting: {
            groups: [
              { name: 'record', test: /[\\/]src[\\/]islands[\\/]lib[\\/](backend|learning-record|format|dates)\.ts/ },
              { name: 'lesson', test: /[\\/]src[\\/](islands[\\/]lib[\\/]module-progress\.svelte|learning-record[\\/](statements|order))\.ts/ },
            ],
          },
        },
        // Astro 7's MDX pages carry a "use astro:head-inject" directive that the bundler warns
        // about once per page (withastro/astro#18087, harmless); dropped so real warnings show
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
    server: {
      // earlier builds (scripts/lib/site-build.ts) are not sources to watch
      watch: { ignored: ['**/.builds/**'] },
      // `npm run dev`: the islands talk to the PocketBase started by scripts/dev.ts
      proxy: { '/api': process.env.CONTINUUM_PB_URL ?? 'http://127.0.0.1:8090' },
    },
  },
});
