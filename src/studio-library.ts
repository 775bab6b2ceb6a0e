/**
 * The scenario checks the studio's server routes run (schema and analysis), bundled into
 * pocketbase/pb_hooks/_generated/studio-library.cjs by scripts/lib/hooks-bundle.ts. Kept apart
 * from hooks-library.cjs so that the statements hook, which runs for every click, stays small.
 */
export { documentProblems, publishable, publishedPlayerData } from './simulation/document.ts';
export { locales } from './i18n/locales.ts';
