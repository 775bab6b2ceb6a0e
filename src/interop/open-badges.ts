/**
 * A certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential of type
 * OpenBadgeCredential) in the JWT proof format of Open Badges 3.0 §8.2: the credential is the
 * JWT's payload, with iss, jti, nbf and iat beside it, signed RS256 by the server
 * (pocketbase/credentials.go; the hooks call it). This file decides what the credential says;
 * the route is pb_hooks/credentials.pb.js. Its status is a 1EdRevocationList served by the same
 * route (?status), so a revoked certificate is reported revoked wherever the credential goes.
 * Pure: bundled for the hooks (no crypto here: the e-mail hash comes from the caller).
 */

/** What the credential says about the path (the achievement), from the content catalogue. */
export interface AchievementFacts {
  /** The path's title (English, as the issuer's language). */
  name: string;
  description: string;
  /** The steps, in order: lessons and case simulations. */
  steps: { kind: 'module' | 'scenario'; id: string; name: string }[];
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
  step: (kind: 'module' | 'scenario', id: string) => `${trim(site)}/en/${kind === 'module' ? 'modules' : 'scenarios'}/${id}/`,
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
          targetUrl: urls.step(s.kind, s.id),
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
