// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';

// Static site: every page is prerendered per locale and served by PocketBase
// (its --publicDir) beside the API on one origin. See README.md.
export default defineConfig({
  site: process.env.CONTINUUM_SITE_URL ?? 'http://127.0.0.1:8090',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx(), svelte()],
  devToolbar: { enabled: false },
  vite: {
    server: {
      // `npm run dev`: the islands talk to the PocketBase started by scripts/dev.ts
      proxy: { '/api': process.env.CONTINUUM_PB_URL ?? 'http://127.0.0.1:8090' },
    },
  },
});
