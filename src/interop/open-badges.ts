/**
 * A certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential of type
 * OpenBadgeCredential) in the JWT proof format of Open Badges 3.0 §8.2: the credential is the
 * JWT's payload, with iss, jti, nbf and iat beside it, signed RS256 by the server
 * (pocketbase/credentials.go; the hooks call it). This file decides what the credential says;
 * the route is pb_hooks/credentials.pb.js. Its status is a 1EdRevocationList served by the same
 * route (?status), so a revoked certificate is reported revoked wherever the credential goes.
 * Pure: bundled for the hooks (no crypto here: the e-mail hash comes from the caller).
 */
import { scenarioHref } from '../content/path-views.ts';
import { activityId, parseActivity } from '../learning-record/activities.ts';
import { mergePathSteps, type PathStepAddition } from '../learning-record/path-steps.ts';


/** What the credential says about the path (the achievement), from the content catalogue. */
export interface AchievementFacts {
  /** The path's title (English, as the issuer's language). */
  name: string;
  description: string;
  /** The steps, in order: lessons and case simulations. */
  steps: AchievementStep[];
}

export interface AchievementStep {
  kind: 'module' | 'scenario';
  id: string;
  name: string;
  /** False for a case simulation the site was not built with (published in the studio). */
  builtIn?: boolean;
}

/** What an achievement says of its steps. */
export function achievementDescription(steps: readonly AchievementStep[]): string {
  const lessons = steps.filter((s) => s.kind === 'module').length;
  return `A Continuum onboarding path for the protection of unaccompanied and separated children on the move: ${lessons} lesson(s), each with its knowledge check passed, and ${steps.length - lessons} case simulation(s), each brought to a good outcome for the child.`;
}

/**
 * A path's achievement with the case simulations trainers had added to the path when the
 * certificate was issued (`additions`, in the order they were made, put in place by
 * mergePathSteps as for the learners), each named by the English title of its published version.
 * An addition whose scenario is not in `published` is left out, as it is on the learners' pages.
 * @example withAddedSteps('p', { name: 'P', description: '', steps: [{ kind: 'module', id: 'a', name: 'A' }] }, [{ path: 'p', scenario: 's', after: 'module:a' }], { s: { title: 'S', builtIn: false } }).steps[1]
 * // { kind: 'scenario', id: 's', name: 'S', builtIn: false }
 */
export function withAddedSteps(
  pathId: string,
  achievement: AchievementFacts,
  additions: readonly PathStepAddition[],
  published: Readonly<Record<string, { title: string; builtIn: boolean }>>,
): AchievementFacts {
  const activityOf = (step: AchievementStep) => (step.kind === 'module' ? activityId.module(step.id) : activityId.scenario(step.id));
  const own = achievement.steps.map(activityOf);
  const [merged] = mergePathSteps([{ id: pathId, steps: own }], additions, Object.keys(published));
  if (!merged || merged.steps.length === own.length) return achievement;
  const steps = merged.steps.map((activity): AchievementStep => {
    const at = own.indexOf(activity);
    if (at >= 0) return achievement.steps[at]!;
    const id = parseActivity(activity)?.slug ?? activity;
    const scenario = Object.prototype.hasOwnProperty.call(published, id) ? published[id]! : { title: id, builtIn: false };
    return { kind: 'scenario', id, name: scenario.title, builtIn: scenario.builtIn };
  });
  return { ...achievement, steps, description: achievementDescription(steps) };
}

export interface CredentialInput {
  /** The platform's origin, e.g. https://learn.example.org (no trailing slash). */
  site: string;
  code: string;
  path: string;
  achievement: AchievementFacts;
  learnerName: string;
  /** sha256 of the e-mail address and the salt, as hex (IdentityObject, hashed). */
  emailHash?: string;
  salt?: string;
  /** ISO 8601. */
  issuedAt: string;
}

export const openBadgesContext = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const credentialsContext = 'https://www.w3.org/ns/credentials/v2';

const trim = (site: string) => site.replace(/\/+$/, '');

/** The stable URLs of the issuer: its profile, its public keys, a credential and its status. */
export const issuerUrls = (site: string) => ({
  profile: `${trim(site)}/api/continuum/issuer`,
  jwks: `${trim(site)}/api/continuum/issuer/jwks`,
  credential: (code: string) => `${trim(site)}/api/continuum/certificates/${code}/credential`,
  status: (code: string) => `${trim(site)}/api/continuum/certificates/${code}/credential?status=1`,
  achievement: (path: string) => `${trim(site)}/en/paths/${path}/`,
  step: (step: Pick<AchievementStep, 'kind' | 'id' | 'builtIn'>) =>
    trim(site) + (step.kind === 'module' ? `/en/modules/${step.id}/` : scenarioHref('en', step.id, step.builtIn !== false)),
});

/** The issuer's Profile (Open Badges 3.0), served at its id. */
export function issuerProfile(site: string) {
  const urls = issuerUrls(site);
  return {
    '@context': [credentialsContext, openBadgesContext],
    id: urls.profile,
    type: ['Profile'],
    name: 'Continuum',
    url: `${trim(site)}/`,
    description: 'Training for the people who protect unaccompanied and separated children crossing borders.',
  };
}

/**
 * The OpenBadgeCredential of a certificate (unsigned).
 * @example openBadgeCredential({ site: 'https://x.org', code: 'K7PQ3MZX9HTA', path: 'teacher', ... }).type // ['VerifiableCredential', 'OpenBadgeCredential']
 */
export function openBadgeCredential(input: CredentialInput) {
  const urls = issuerUrls(input.site);
  const { achievement } = input;
  const stepList = achievement.steps.map((s, i) => `${i + 1}. ${s.name} (${s.kind === 'module' ? 'lesson' : 'case simulation'})`).join('\n');
  const identifier: Record<string, unknown>[] = [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: input.learnerName }];
  if (input.emailHash && input.salt) identifier.push({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${input.emailHash}`, salt: input.salt });
  return {
    '@context': [credentialsContext, openBadgesContext],
    id: urls.credential(input.code),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: achievement.name,
    issuer: { id: urls.profile, type: ['Profile'], name: 'Continuum', url: `${trim(input.site)}/` },
    validFrom: input.issuedAt,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier,
      achievement: {
        id: urls.achievement(input.path),
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: achievement.name,
        description: achievement.description,
        criteria: { id: urls.achievement(input.path), narrative: `Every step of the path passed, as recorded by the platform:\n\n${stepList}` },
        alignment: achievement.steps.map((s) => ({
          type: ['Alignment'],
          targetName: s.name,
          targetUrl: urls.step(s),
          targetType: s.kind === 'module' ? 'ext:LessonModule' : 'ext:CaseSimulation',
          targetCode: `${s.kind}:${s.id}`,
        })),
        inLanguage: 'en',
      },
    },
    credentialStatus: { id: urls.status(input.code), type: '1EdRevocationList' },
    credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdJsonSchemaValidator2019' }],
  };
}

export type OpenBadgeCredential = ReturnType<typeof openBadgeCredential>;

/**
 * The JWT payload of Open Badges 3.0's JWT proof format: the credential, with iss (the issuer's
 * id), jti (the credential's id), nbf and iat (its issuance, in seconds).
 */
export function credentialJwtPayload(credential: OpenBadgeCredential) {
  const seconds = Math.floor(Date.parse(credential.validFrom) / 1000);
  return { ...credential, iss: credential.issuer.id, jti: credential.id, nbf: seconds, iat: seconds };
}

/** The 1EdRevocationList a credential's status names: this one credential, revoked or not. */
export function revocationList(site: string, code: string, revoked: boolean) {
  const urls = issuerUrls(site);
  return {
    id: urls.status(code),
    issuer: urls.profile,
    revokedCredentials: revoked ? [{ id: urls.credential(code), revocationReason: 'Revoked by an administrator of the platform.' }] : [],
  };
}
