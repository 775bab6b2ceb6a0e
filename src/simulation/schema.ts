/**
 * The scenario format (content/scenarios/<id>/scenario.yaml) and its text overlays
 * (<lang>.yaml). See docs/writing-scenarios.md. Pure: no DOM, no Astro.
 */
import { z } from 'zod';
import { principles } from './principles.ts';
import { didYouMean } from './suggest.ts';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case words joined by hyphens, e.g. "talk-alone"' });
const text = (what: string, max: number) =>
  z.string({ error: `${what} is required and must be text` }).trim().min(1, { error: `${what} must not be empty` }).max(max, { error: `${what} must be at most ${max} characters` });

export const operators = ['<', '<=', '>', '>=', '==', '!='] as const;

/** The operator a trainer probably meant when writing a wrong one. */
const operatorFixes: Record<string, string> = { '=>': '>=', '=<': '<=', '=': '==', '===': '==', '!==': '!=', '<>': '!=', '≥': '>=', '≤': '<=', '≠': '!=' };

export const comparison = z.object({
  variable: id,
  op: z.enum(operators, {
    error: (issue) => {
      const given = typeof issue.input === 'string' ? issue.input : JSON.stringify(issue.input);
      const meant = operatorFixes[String(issue.input)];
      return `"${given}" is not an operator${meant ? `: write "${meant}"` : ''} (operators: ${operators.join(' ')}; quote them in YAML, e.g. op: ">=")`;
    },
  }),
  value: z.number({ error: 'value must be a number' }),
}).strict();

export const condition = z.union([
  z.object({ all: z.array(comparison).min(1) }).strict(),
  z.object({ any: z.array(comparison).min(1) }).strict(),
], { error: 'a condition is { all: [...] } or { any: [...] } of { variable, op, value }, e.g. all: [{ variable: trust, op: ">=", value: 40 }]' });

/** A principle name, with the known ones (and the nearest) in the message when it is not one. */
function principleName(where: string) {
  return z.enum(principles, {
    error: (issue) =>
      `${where}: "${String(issue.input)}" is not a principle we score.${didYouMean(String(issue.input), principles)} Principles: ${principles.join(', ')}`,
  });
}

export const choice = z.object({
  id,
  label: text('a choice label', 300),
  feedback: text('a choice feedback', 800),
  effects: z.record(id, z.number().int({ error: 'effects must be whole numbers' })).default({}),
  points: z.partialRecord(principleName('points'), z.number({ error: 'points are whole numbers from -2 to 2' }).int({ error: 'points are whole numbers from -2 to 2' }).min(-2, { error: 'points are at least -2' }).max(2, { error: 'points are at most 2' })).default({}),
  condition: condition.optional(),
  /** The best choice at its node: the recommended path follows it, the debrief shows it as the better choice. */
  recommended: z.boolean().default(false),
  /** Also a good choice (not the recommended one): the debrief does not correct it. */
  acceptable: z.boolean().optional(),
  next: id,
}).strict();

export const scenarioNode = z.object({
  speaker: text('speaker', 80).optional(),
  text: text('a node text', 2000),
  image_alt: text('image_alt', 300).optional(),
  choices: z.array(choice)
    .min(2, { error: 'a node offers 2 to 4 choices; with one, make it part of the text before, or make the node an ending' })
    .max(4, { error: 'a node offers at most 4 choices (more is hard to read on a phone); split the decision over two nodes' }),
}).strict();

export const ending = z.object({
  outcome: z.enum(['good', 'mixed', 'harmful'], { error: 'outcome must be good, mixed or harmful' }),
  title: text('an ending title', 140),
  text: text('an ending text', 1500),
}).strict();

/** Variables the player has words for in every language (src/i18n/ui/<lang>.json, scenario.variables). */
export const builtInVariables = ['trust', 'distress', 'risk', 'belonging'] as const;

export const variable = z.object({
  /** What the learner sees, e.g. "Child's trust"; translated in each overlay. Optional for the built-in variables. */
  label: text('a variable label', 60).optional(),
  initial: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
}).strict().refine((v) => v.min < v.max && v.initial >= v.min && v.initial <= v.max, {
  error: 'needs min < max and min <= initial <= max',
});

export const scenarioFile = z.object({
  id,
  version: z.number().int().min(1),
  title: text('title', 140),
  summary: text('summary', 240),
  tracks: z.array(z.enum(['border-officer', 'teacher', 'social-worker', 'coordinator'])).min(1),
  minutes: z.number().int().min(1).max(120),
  principles: z.array(principleName('principles')).min(1),
  variables: z.record(id, variable),
  /** Lesson modules (content/modules/<id>) the debrief offers for each principle a learner missed; see learnMoreModules. */
  learn_more: z.partialRecord(principleName('learn_more'), z.array(id).min(1).max(3)).optional(),
  start: id,
  nodes: z.record(id, scenarioNode),
  endings: z.record(id, ending),
}).strict();

export type Scenario = z.infer<typeof scenarioFile>;
export type ScenarioNode = z.infer<typeof scenarioNode>;
export type Choice = z.infer<typeof choice>;
export type Ending = z.infer<typeof ending>;
export type Condition = z.infer<typeof condition>;

export const overlayFile = z.object({
  title: text('title', 140).optional(),
  summary: text('summary', 240).optional(),
  nodes: z.record(z.string(), z.object({
    speaker: z.string().optional(),
    text: z.string().optional(),
    image_alt: z.string().optional(),
    choices: z.record(z.string(), z.object({ label: z.string().optional(), feedback: z.string().optional() }).strict()).optional(),
  }).strict()).optional(),
  endings: z.record(z.string(), z.object({ title: z.string().optional(), text: z.string().optional() }).strict()).optional(),
  variables: z.record(z.string(), z.object({ label: z.string().optional() }).strict()).optional(),
}).strict();

export type Overlay = z.infer<typeof overlayFile>;

/** Where a problem is: the file and the node/choice/ending id (or field), what is wrong and how to fix it. */
export interface ScenarioProblem {
  file: string;
  where: string;
  reason: string;
  /** What to do about it, in a trainer's words. */
  fix?: string;
}

/**
 * One problem per line (and its fix on the next).
 * @example formatScenarioProblems([{ file: 'a.yaml', where: 'start', reason: 'no such node', fix: 'name a node' }])
 * // 'a.yaml: start: no such node\n    fix: name a node'
 */
export function formatScenarioProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.where}: ${p.reason}${p.fix ? `\n    fix: ${p.fix}` : ''}`).join('\n');
}

/** Every field name of the format, for "did you mean" on an unknown field. */
const knownFields = [
  'id', 'version', 'title', 'summary', 'tracks', 'minutes', 'principles', 'variables', 'learn_more', 'start', 'nodes', 'endings',
  'speaker', 'text', 'image_alt', 'choices', 'label', 'feedback', 'effects', 'points', 'condition', 'recommended', 'acceptable', 'next',
  'outcome', 'initial', 'min', 'max', 'all', 'any', 'variable', 'op', 'value',
];

/**
 * A zod issue path as a trainer reads it: list positions under `choices` become the choice's id
 * (nodes.arrival.choices.offer-water.label, not nodes.arrival.choices.0.label).
 * @example wherePath({ nodes: { a: { choices: [{ id: 'x' }] } } }, ['nodes', 'a', 'choices', 0, 'label']) // 'nodes.a.choices.x.label'
 */
export function wherePath(data: unknown, path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  let at: unknown = data;
  path.forEach((key, i) => {
    const value = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
    const choiceId = (value as { id?: unknown } | undefined)?.id;
    if (typeof key === 'number' && path[i - 1] === 'choices' && typeof choiceId === 'string' && choiceId) parts.push(choiceId);
    else if (typeof key === 'number') parts.push(path[i - 1] === 'choices' ? `choice ${key + 1} (it has no id)` : `#${key + 1}`);
    else parts.push(String(key));
    at = value;
  });
  return parts.join('.') || '(file)';
}

/** The branch of a failed union the author most likely meant: the one whose fields they used. */
function likelyBranch(errors: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] | undefined {
  const score = (issues: readonly z.core.$ZodIssue[]) =>
    issues.reduce((n, i) => n + (i.path.length === 0 && (i.code === 'unrecognized_keys' || i.code === 'invalid_type') ? 100 : 1), 0);
  const best = [...errors].sort((a, b) => score(a) - score(b))[0];
  return best && score(best) < 100 ? best : undefined;
}

/** Turns zod issues into problems with choice ids, unknown fields named with a near match, and a fix. */
export function problemsFromIssues(file: string, data: unknown, issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ScenarioProblem[] {
  return issues.flatMap((issue): ScenarioProblem[] => {
    const path = [...prefix, ...issue.path];
    const where = wherePath(data, path);
    const last = path.at(-1);
    if (issue.code === 'invalid_union') {
      const branch = likelyBranch(issue.errors);
      if (branch) return problemsFromIssues(file, data, branch, path);
    }
    if (issue.code === 'unrecognized_keys' && (last === 'points' || last === 'learn_more')) {
      return issue.keys.map((k) => ({
        file,
        where,
        reason: `"${k}" is not a principle we score`,
        fix: `${didYouMean(k, principles).trim() || 'Use one of the principles.'} Principles: ${principles.join(', ')}`,
      }));
    }
    if (issue.code === 'unrecognized_keys') {
      return [{
        file,
        where,
        reason: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        fix: `remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling.${issue.keys.map((k) => didYouMean(k, knownFields)).join('')} See docs/writing-scenarios.md for the fields.`,
      }];
    }
    if (issue.code === 'invalid_type' && issue.input === undefined && typeof last === 'string') {
      return [{ file, where, reason: `"${last}" is missing`, fix: `add ${last}: (see docs/writing-scenarios.md)` }];
    }
    if (issue.code === 'invalid_key') return [{ file, where, reason: issue.issues[0]?.message ?? issue.message }];
    return [{ file, where, reason: issue.message }];
  });
}

/** Parses a scenario file's data, returning the problems with their paths. */
export function validateScenario(file: string, data: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] } {
  const result = scenarioFile.safeParse(data);
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, problems: problemsFromIssues(file, data, result.error.issues) };
}

/** Parses an overlay file's data, returning the problems with their paths. */
export function validateOverlay(file: string, data: unknown): { ok: true; overlay: Overlay } | { ok: false; problems: ScenarioProblem[] } {
  const result = overlayFile.safeParse(data);
  if (result.success) return { ok: true, overlay: result.data };
  return { ok: false, problems: problemsFromIssues(file, data, result.error.issues) };
}

/**
 * A variable's words in a language: its label from the scenario (with the overlay laid over
 * it), else the player's built-in words for trust, distress, risk and belonging.
 * @example variableLabel(scenario, 'hope', builtIn) // scenario.variables.hope.label
 */
export function variableLabel(scenario: Scenario, name: string, builtIn: Record<string, string>): string {
  return scenario.variables[name]?.label ?? builtIn[name] ?? name;
}

export { applyOverlay } from './overlay.ts';
