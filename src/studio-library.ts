/**
 * The scenario checks the studio's server routes run (schema and analysis), and the language
 * coverage stored with each draft when it is saved (pb_hooks/studio.pb.js; the list shows it
 * without the drafts' documents), bundled into pocketbase/pb_hooks/_generated/studio-library.cjs
 * by scripts/lib/hooks-bundle.ts. Kept apart from hooks-library.cjs so that the statements hook,
 * which runs for every click, stays small. Migration 1765400000_draft_coverage.js also requires
 * it, for `languageCoverage`: keep that name.
 */
export { documentProblems, publishable, publishedPlayerData } from './simulation/document.ts';
export { languageCoverage } from './simulation/coverage.ts';
export { locales } from './i18n/locales.ts';
