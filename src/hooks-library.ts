/**
 * The TypeScript the PocketBase hooks run, bundled into pocketbase/pb_hooks/_generated/
 * hooks-library.cjs (CommonJS for goja) by scripts/lib/hooks-bundle.ts. The hooks only read
 * and write the database; every decision is one of these functions.
 * Keep it free of anything goja lacks: no async, no DOM, no Node built-ins.
 */
export { activityId, own, parseActivity } from './learning-record/activities.ts';
export { admitStatement, evidenceQuery } from './learning-record/admission.ts';
export { scenarioVersion, withScenarioVersion } from './learning-record/facts.ts';
export { changedPaths, pathStepProblem, reanchored, withPathSteps } from './learning-record/path-steps.ts';
export { applyStatement, certificatesDue, progressActivity, refold } from './learning-record/progress.ts';
export { certificateAlphabet, certificateCodeLength, normaliseCertificateCode } from './learning-record/onboarding.ts';
export {
  assignmentFromRecord,
  certificateFromRecord,
  progressColumns,
  progressFields,
  progressFromColumns,
  progressFromRecord,
  statementFields,
  statementFromRecord,
} from './learning-record/records.ts';
export { cohortCsvHeader, cohortCsvLine, cohortQuery, cohortRows, scenarioInsight } from './learning-record/cohort.ts';
export { countStatement } from './learning-record/limits.ts';
export { runProblem } from './learning-record/runs.ts';
export { toXapi } from './learning-record/xapi.ts';
export { scenarioStructure } from './simulation/rules.ts';
export { nextVersion, publishedSummary, reviewProblem, saveConflict, statusAfterEdit, submitProblem, withVersion } from './simulation/workflow.ts';
export { preferredLocale, safeRedirectPath, isLocale, languageCookie } from './i18n/locales.ts';
export { credentialJwtPayload, issuerProfile, openBadgeCredential, revocationList, withAddedSteps } from './interop/open-badges.ts';
export { backoffMs, delivery, endpointProblem, lrsHeaders, statementUrl } from './interop/lrs.ts';
