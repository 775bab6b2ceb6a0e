/**
 * Activity ids: what a statement is about. Every id in the platform is built by `activityId`
 * and read back by `parseActivity`; nothing else writes or splits these strings.
 *
 * The shapes a device may name (a statement's object):
 *   module:<module>                       a lesson
 *   module:<module>/section:<section>     one section of it
 *   module:<module>/question:<question>   one knowledge-check question
 *   module:<module>/quiz:knowledge-check  the lesson's knowledge check (there is one per lesson)
 *   scenario:<scenario>                   a case simulation
 *   scenario:<scenario>/choice:<choice>   one choice in it
 * and `path:<path>`, which only the server uses (a path is completed by its steps).
 * Pure: used by the islands, the server hooks (bundled) and the tests.
 */

/** The one knowledge check of a lesson. */
export const knowledgeCheckId = 'knowledge-check';

const slugPattern = '[a-z0-9]+(?:-[a-z0-9]+)*';

/**
 * The pattern a statement's object must match, as stored (pb_migrations sets the same pattern
 * on the statements collection; a unit test holds the two together).
 */
export const statementObjectPattern =
  `^(module:${slugPattern}(/(section|question):${slugPattern}|/quiz:${knowledgeCheckId})?|scenario:${slugPattern}(/choice:${slugPattern})?)$`;

const objectRegex = new RegExp(`^(module|scenario|path):(${slugPattern})(?:/(section|question|quiz|choice):(${slugPattern}))?$`);

export type ActivityType = 'module' | 'scenario' | 'path';

/** A parsed activity id: what kind of thing it names, and the activity progress is kept for. */
export type ParsedActivity = {
  /** The id as given. */
  id: string;
  /** The lesson, case simulation or path that progress is kept for, e.g. "module:m". */
  activity: string;
  activityType: ActivityType;
  /** The lesson, case simulation or path id. */
  slug: string;
} & (
  | { kind: 'module' }
  | { kind: 'section'; section: string }
  | { kind: 'question'; question: string }
  | { kind: 'knowledge-check' }
  | { kind: 'scenario' }
  | { kind: 'choice'; choice: string }
  | { kind: 'path' }
);

export type ActivityKind = ParsedActivity['kind'];

/**
 * Reads an activity id, or null when it is not one of the shapes above (an unknown part, a quiz
 * other than the knowledge check, more than one part, upper case...).
 * @example parseActivity('module:m/section:s') // { id, activity: 'module:m', activityType: 'module', slug: 'm', kind: 'section', section: 's' }
 * @example parseActivity('module:m/quiz:other') // null
 * @example parseActivity('path:x/quiz:y/section:z') // null
 */
export function parseActivity(id: string): ParsedActivity | null {
  if (typeof id !== 'string') return null;
  const match = objectRegex.exec(id);
  if (!match) return null;
  const [, type, slug, part, partId] = match as unknown as [string, ActivityType, string, string | undefined, string | undefined];
  const base = { id, activity: `${type}:${slug}`, activityType: type, slug };
  if (!part) return { ...base, kind: type };
  if (type === 'module' && part === 'section') return { ...base, kind: 'section', section: partId! };
  if (type === 'module' && part === 'question') return { ...base, kind: 'question', question: partId! };
  if (type === 'module' && part === 'quiz' && partId === knowledgeCheckId) return { ...base, kind: 'knowledge-check' };
  if (type === 'scenario' && part === 'choice') return { ...base, kind: 'choice', choice: partId! };
  return null;
}

/**
 * Builders for every activity id.
 * @example activityId.section('children-on-the-move', 'who-they-are') // 'module:children-on-the-move/section:who-they-are'
 * @example activityId.choice('border-arrival', 'talk-alone') // 'scenario:border-arrival/choice:talk-alone'
 */
export const activityId = {
  module: (module: string) => `module:${module}`,
  section: (module: string, section: string) => `module:${module}/section:${section}`,
  question: (module: string, question: string) => `module:${module}/question:${question}`,
  knowledgeCheck: (module: string) => `module:${module}/quiz:${knowledgeCheckId}`,
  scenario: (scenario: string) => `scenario:${scenario}`,
  choice: (scenario: string, choice: string) => `scenario:${scenario}/choice:${choice}`,
  path: (path: string) => `path:${path}`,
  /** The activity of a path step: `{ module: m }` or `{ scenario: s }`. */
  step: (step: { module: string } | { scenario: string }) => ('module' in step ? `module:${step.module}` : `scenario:${step.scenario}`),
} as const;

/**
 * A value from a plain-object map, only when the map has it as its own key: content ids such as
 * "constructor" or "__proto__" must never find what objects inherit.
 * @example own({ a: 1 }, 'constructor') // undefined
 */
export function own<T>(map: Readonly<Record<string, T>> | undefined | null, key: string): T | undefined {
  return map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}
