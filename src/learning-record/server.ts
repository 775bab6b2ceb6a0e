/**
 * Entry point bundled for the PocketBase hooks (CommonJS, run by goja) by
 * scripts/lib/hooks-bundle.ts. Keep it free of anything goja lacks: no async, no DOM,
 * no Node built-ins.
 */
export { foldStatement } from './progress.ts';
export { parseObject } from './statements.ts';
export { gradeKnowledgeCheck, statementProblem } from './statement-rules.ts';
export { completedPaths, normaliseCertificateCode } from './onboarding.ts';
export { toXapi } from './xapi.ts';
export { preferredLocale, safeRedirectPath, isLocale, languageCookie } from '../i18n/locales.ts';
