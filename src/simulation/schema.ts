/**
 * The scenario format (content/scenarios/<id>/scenario.yaml) and its text overlays
 * (<lang>.yaml). See docs/writing-scenarios.md. Pure: no DOM, no Astro.
 */
import { z } from 'zod';
import { principles } from './principles.ts';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case words joined by hyphens, e.g. "talk-alone"' });
const text = (what: string, max: number) =>
  z.string({ error: `${what} is required and must be text` }).trim().min(1, { error: `${what} must not be empty` }).max(max, { error: `${what} must be at most ${max} characters` });

export const comparison = z.object({
  variable: id,
  op: z.enum(['<', '<=', '>', '>=', '==', '!='], { error: 'op must be one of < <= > >= == !=' }),
  value: z.number({ error: 'value must be a number' }),
}).strict();

export const condition = z.union([
  z.object({ all: z.array(comparison).min(1) }).strict(),
  z.object({ any: z.array(comparison).min(1) }).strict(),
], { error: 'a condition is { all: [...] } or { any: [...] } of { variable, op, value }' });

export const choice = z.object({
  id,
  label: text('a choice label', 300),
  feedback: text('a choice feedback', 800),
  effects: z.record(id, z.number().int({ error: 'effects must be whole numbers' })).default({}),
  points: z.partialRecord(z.enum(principles, { error: `points must name principles: ${principles.join(', ')}` }), z.number().int().min(-2).max(2)).default({}),
  condition: condition.optional(),
  recommended: z.boolean().default(false),
  next: id,
}).strict();

export const scenarioNode = z.object({
  speaker: text('speaker', 80).optional(),
  text: text('a node text', 2000),
  image_alt: text('image_alt', 300).optional(),
  choices: z.array(choice).min(1, { error: 'a node needs at least one choice (or make it an ending)' }).max(6),
}).strict();

export const ending = z.object({
  outcome: z.enum(['good', 'mixed', 'harmful'], { error: 'outcome must be good, mixed or harmful' }),
  title: text('an ending title', 140),
  text: text('an ending text', 1500),
}).strict();

export const variable = z.object({
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
  principles: z.array(z.enum(principles, { error: `principles must be from: ${principles.join(', ')}` })).min(1),
  variables: z.record(id, variable),
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
}).strict();

export type Overlay = z.infer<typeof overlayFile>;

/** Where a problem is: the file and the node/choice/ending id (or field). */
export interface ScenarioProblem {
  file: string;
  where: string;
  reason: string;
}

export function formatScenarioProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.where}: ${p.reason}`).join('\n');
}

/** Parses a scenario file's data, returning the problems with their paths. */
export function validateScenario(file: string, data: unknown): { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] } {
  const result = scenarioFile.safeParse(data);
  if (result.success) return { ok: true, scenario: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({ file, where: issue.path.map(String).join('.') || '(file)', reason: issue.message })),
  };
}

/** The English scenario with one language's texts laid over it (missing texts stay English). */
export function applyOverlay(scenario: Scenario, overlay: Overlay | undefined): Scenario {
  if (!overlay) return scenario;
  const nodes = Object.fromEntries(
    Object.entries(scenario.nodes).map(([nodeId, node]) => {
      const o = overlay.nodes?.[nodeId];
      return [nodeId, {
        ...node,
        speaker: o?.speaker ?? node.speaker,
        text: o?.text ?? node.text,
        image_alt: o?.image_alt ?? node.image_alt,
        choices: node.choices.map((c) => ({ ...c, label: o?.choices?.[c.id]?.label ?? c.label, feedback: o?.choices?.[c.id]?.feedback ?? c.feedback })),
      }];
    }),
  );
  const endings = Object.fromEntries(
    Object.entries(scenario.endings).map(([endingId, e]) => {
      const o = overlay.endings?.[endingId];
      return [endingId, { ...e, title: o?.title ?? e.title, text: o?.text ?? e.text }];
    }),
  );
  return { ...scenario, title: overlay.title ?? scenario.title, summary: overlay.summary ?? scenario.summary, nodes, endings };
}
