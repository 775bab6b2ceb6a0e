// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import { unified } from '@astrojs/markdown-remark';
import remarkGlossary from './src/content/remark-glossary.ts';

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
  integrations: [mdx(), svelte()],
  devToolbar: { enabled: false },
  vite: {
    server: {
      // `npm run dev`: the islands talk to the PocketBase started by scripts/dev.ts
      proxy: { '/api': process.env.CONTINUUM_PB_URL ?? 'http://127.0.0.1:8090' },
    },
  },
});
