/**
 * Statements as xAPI 1.0.3 statements, for export to a Learning Record Store (supervisor export,
 * "download my data"). Pure: used by the islands and, bundled, by the server hooks.
 */
import { parseActivity, type ActivityKind } from './activities.ts';
import { verbIris, type Statement } from './statements.ts';

/** The xAPI activity type of each kind of activity (ADL's vocabulary). */
export const activityTypeIris: Record<ActivityKind, string> = {
  module: 'http://adlnet.gov/expapi/activities/lesson',
  section: 'http://adlnet.gov/expapi/activities/module',
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  'knowledge-check': 'http://adlnet.gov/expapi/activities/assessment',
  scenario: 'http://adlnet.gov/expapi/activities/simulation',
  choice: 'http://adlnet.gov/expapi/activities/interaction',
  path: 'http://adlnet.gov/expapi/activities/course',
};

/** An activity's name per language, e.g. { en: 'At the border', fr: 'À la frontière' } (src/interop/facts.ts). */
export type ActivityNames = Record<string, Record<string, string>>;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export interface XapiActor {
  objectType: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
}

export interface XapiStatement {
  id: string;
  actor: XapiActor;
  verb: { id: string; display: { 'en-US': string } };
  object: { objectType: 'Activity'; id: string; definition?: { name?: Record<string, string>; type: string; interactionType?: 'choice' } };
  result?: Record<string, unknown>;
  context: {
    language: string;
    /** One playthrough of a case simulation. */
    registration?: string;
    /** The version of the case simulation played. */
    revision?: string;
    contextActivities?: { parent: { objectType: 'Activity'; id: string }[] };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

/** The activity IRI of an object id on this site, e.g. https://host/xapi/activities/module/m/section/s */
export function activityIri(site: string, object: string): string {
  return `${site.replace(/\/$/, '')}/xapi/activities/${object.replace(/:/g, '/')}`;
}

/**
 * A 15-character PocketBase id as an RFC 4122 UUID (xAPI statement ids are UUIDs), stable:
 * the same statement always gets the same UUID.
 * @example statementUuid('abcdefghijklmno') // 'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx' shape
 */
export function statementUuid(id: string): string {
  // FNV-1a over the id, four rounds with different seeds, as 32 hex digits
  let hex = '';
  for (let round = 0; round < 4; round++) {
    let h = (0x811c9dc5 ^ (round * 0x9e3779b9)) >>> 0;
    for (const ch of `${round}:${id}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * One stored statement as an xAPI 1.0.3 statement. `learner` is the PocketBase user (id, and
 * name if known). The object's definition names it in the statement's language (English when
 * `names` has no translation) when `names` knows it; a simulation's playthrough is the context's
 * registration and its version the context's revision.
 */
export function toXapi(statement: Statement, learner: { id: string; name?: string }, site: string, names?: ActivityNames): XapiStatement {
  const { parent, registration, version, ...extensions } = statement.context ?? {};
  const kind = parseActivity(statement.object)?.kind;
  const known = names && Object.prototype.hasOwnProperty.call(names, statement.object) ? names[statement.object]! : undefined;
  const nameLanguage = known?.[statement.language] ? statement.language : 'en';
  const name = known?.[nameLanguage];
  const definition = kind
    ? {
        ...(name ? { name: { [nameLanguage]: name } } : {}),
        type: activityTypeIris[kind],
        ...(kind === 'question' ? { interactionType: 'choice' as const } : {}),
      }
    : undefined;
  if (registration !== undefined && !uuidPattern.test(String(registration))) (extensions as Record<string, unknown>).registration = registration;
  const result: Record<string, unknown> = {};
  if (statement.result) {
    for (const key of ['completion', 'success', 'response', 'score'] as const) {
      if (statement.result[key] !== undefined) result[key] = statement.result[key];
    }
  }
  const out: XapiStatement = {
    id: statementUuid(statement.id),
    actor: { objectType: 'Agent', ...(learner.name ? { name: learner.name } : {}), account: { homePage: site, name: learner.id } },
    verb: { id: verbIris[statement.verb], display: { 'en-US': statement.verb } },
    object: { objectType: 'Activity', id: activityIri(site, statement.object), ...(definition ? { definition } : {}) },
    context: {
      language: statement.language,
      ...(registration !== undefined && uuidPattern.test(String(registration)) ? { registration: String(registration).toLowerCase() } : {}),
      ...(version !== undefined && kind !== undefined && (kind === 'scenario' || kind === 'choice') ? { revision: String(version) } : {}),
      ...(typeof parent === 'string' ? { contextActivities: { parent: [{ objectType: 'Activity' as const, id: activityIri(site, parent) }] } } : {}),
      ...(Object.keys(extensions).length ? { extensions: { [`${site.replace(/\/$/, '')}/xapi/extensions/context`]: extensions } } : {}),
    },
    timestamp: statement.timestamp,
  };
  if (Object.keys(result).length) out.result = result;
  return out;
}
