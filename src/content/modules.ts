/**
 * Lesson modules: the frontmatter schema, and checks that need the MDX body.
 * Pure: no Astro runtime, so unit tests and scripts use it directly.
 */
import { z } from 'astro/zod';

export const tracks = ['border-officer', 'teacher', 'social-worker', 'coordinator'] as const;
export type Track = (typeof tracks)[number];

const kebabId = z
  .string({ error: 'must be a text id such as "who-they-are"' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be lower-case words joined by hyphens, such as "who-they-are"',
  });

const nonEmptyText = (what: string, max: number) =>
  z
    .string({ error: `${what} is required and must be text` })
    .trim()
    .min(1, { error: `${what} must not be empty` })
    .max(max, { error: `${what} must be at most ${max} characters` });

export const moduleSection = z.object({
  id: kebabId,
  title: nonEmptyText('a section title', 120),
});

export const quizOption = z
  .object({
    id: kebabId,
    text: nonEmptyText('an option text', 300),
    correct: z.boolean({ error: 'correct must be true or false' }),
    explanation: nonEmptyText('an option explanation', 600),
  })
  .strict();

export const quizQuestion = z
  .object({
    id: kebabId,
    type: z.enum(['single', 'multiple'], { error: 'type must be "single" (one right option) or "multiple"' }),
    prompt: nonEmptyText('a question prompt', 400),
    options: z
      .array(quizOption, { error: 'options must be a list of { id, text, correct, explanation }' })
      .min(2, { error: 'a question needs at least 2 options' })
      .max(6, { error: 'a question has at most 6 options' }),
  })
  .strict()
  .superRefine((question, ctx) => {
    const correct = question.options.filter((o) => o.correct).length;
    if (question.type === 'single' && correct !== 1) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a "single" question needs exactly one correct option; "${question.id}" has ${correct}` });
    }
    if (question.type === 'multiple' && correct < 1) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `a "multiple" question needs at least one correct option; "${question.id}" has none` });
    }
    const ids = question.options.map((o) => o.id);
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated) ctx.addIssue({ code: 'custom', path: ['options'], message: `option id "${repeated}" is used twice in "${question.id}"` });
  });

export const quiz = z
  .object({
    passThreshold: z.number().min(0.5).max(1).default(0.8),
    questions: z
      .array(quizQuestion, { error: 'questions must be a list' })
      .min(1, { error: 'a knowledge check needs at least one question' })
      .max(10, { error: 'a knowledge check has at most 10 questions' }),
  })
  .strict();

export type Quiz = z.infer<typeof quiz>;
export type QuizQuestion = z.infer<typeof quizQuestion>;

/** Frontmatter of content/modules/<module>/<lang>.mdx. */
export const moduleFrontmatter = z
  .object({
    title: nonEmptyText('title', 140),
    summary: nonEmptyText('summary', 240),
    tracks: z
      .array(z.enum(tracks, { error: `each track must be one of: ${tracks.join(', ')}` }), {
        error: `tracks must be a list, e.g. [border-officer, teacher]`,
      })
      .min(1, { error: 'tracks must name at least one audience' }),
    minutes: z
      .number({ error: 'minutes must be a whole number of minutes, e.g. 20' })
      .int({ error: 'minutes must be a whole number' })
      .min(1, { error: 'minutes must be at least 1' })
      .max(240, { error: 'minutes must be at most 240; split longer modules' }),
    version: z
      .number({ error: 'version must be a whole number (raise it when the English text changes)' })
      .int()
      .min(1)
      .default(1),
    objectives: z
      .array(nonEmptyText('a learning objective', 200), { error: 'objectives must be a list' })
      .min(1, { error: 'objectives must list at least one learning objective' })
      .max(6, { error: 'objectives must list at most 6 learning objectives' }),
    sections: z
      .array(moduleSection, { error: 'sections must be a list of { id, title }' })
      .min(1, { error: 'sections must list at least one section' })
      .max(12, { error: 'sections must list at most 12 sections' }),
    quiz: quiz.optional(),
  })
  .strict()
  .superRefine((data, ctx) => {
    const questionIds = (data.quiz?.questions ?? []).map((q) => q.id);
    const repeatedQuestion = questionIds.find((id, i) => questionIds.indexOf(id) !== i);
    if (repeatedQuestion) {
      ctx.addIssue({ code: 'custom', path: ['quiz', 'questions'], message: `question id "${repeatedQuestion}" is used twice` });
    }
    const seen = new Set<string>();
    data.sections.forEach((section, index) => {
      if (seen.has(section.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', index, 'id'],
          message: `section id "${section.id}" is used twice; each section needs its own id`,
        });
      }
      seen.add(section.id);
    });
  });

export type ModuleFrontmatter = z.infer<typeof moduleFrontmatter>;

/** A problem found in a content file, with where and why, and what to do about it. */
export interface ContentProblem {
  file: string;
  field: string;
  reason: string;
  /** The line in the file, when the problem is in a body or a YAML text. */
  line?: number;
  /** What to do about it, in an author's words. */
  fix?: string;
}

/**
 * Formats problems as one line each, `file[:line]: field: reason`, with the fix below.
 * @example formatProblems([{ file: 'a.mdx', field: 'title', reason: 'must not be empty' }])
 * // 'a.mdx: title: must not be empty'
 */
export function formatProblems(problems: readonly ContentProblem[]): string {
  return problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.field}: ${p.reason}${p.fix ? `\n    fix: ${p.fix}` : ''}`).join('\n');
}

function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '') || '(frontmatter)';
}

/**
 * Validates a module's frontmatter; returns the parsed data or the problems found.
 * @example validateModuleFrontmatter('content/modules/x/en.mdx', { title: '' }).ok // false
 */
export function validateModuleFrontmatter(
  file: string,
  data: unknown,
): { ok: true; data: ModuleFrontmatter } | { ok: false; problems: ContentProblem[] } {
  const result = moduleFrontmatter.safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  const problems = result.error.issues.map((issue) => {
    let reason = issue.message;
    if (issue.code === 'unrecognized_keys') {
      reason = `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove them or check the spelling`;
    }
    return { file, field: fieldPath(issue.path), reason };
  });
  return { ok: false, problems };
}

/** The ids of `<Section id="...">` blocks in an MDX body, in order. */
export function sectionIdsInBody(body: string): string[] {
  return [...body.matchAll(/<Section\s+id=["']([^"']*)["']\s*>/g)].map((m) => m[1] ?? '');
}

/**
 * Checks that the body's `<Section id>` blocks match the frontmatter's sections, in order.
 * @example checkModuleBody('m/en.mdx', [{ id: 'a', title: 'A' }], '<Section id="a">\n\nx\n\n</Section>') // []
 */
export function checkModuleBody(
  file: string,
  sections: readonly { id: string }[],
  body: string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const inBody = sectionIdsInBody(body);
  const declared = sections.map((s) => s.id);
  declared.forEach((id, index) => {
    if (!inBody.includes(id)) {
      problems.push({
        file,
        field: `sections[${index}].id`,
        reason: `section "${id}" is declared in the frontmatter but the body has no <Section id="${id}"> block`,
      });
    } else if (inBody.indexOf(id) !== index) {
      problems.push({
        file,
        field: `sections[${index}].id`,
        reason: `section "${id}" is number ${index + 1} in the frontmatter but number ${inBody.indexOf(id) + 1} in the body; keep the same order`,
      });
    }
  });
  inBody.forEach((id) => {
    if (!declared.includes(id)) {
      problems.push({
        file,
        field: 'sections',
        reason: `the body has <Section id="${id}"> but the frontmatter does not declare it; add { id: ${id}, title: ... } to sections`,
      });
    }
  });
  const opened = (body.match(/<Section[\s>]/g) ?? []).length;
  const closed = (body.match(/<\/Section>/g) ?? []).length;
  if (opened !== closed) {
    problems.push({ file, field: 'body', reason: `${opened} <Section> tags are opened but ${closed} are closed` });
  }
  return problems;
}

/**
 * Checks that a translation keeps the English structure: same section ids in the same order,
 * same tracks, and the same quiz (question ids, types, option ids and which are correct).
 * @example compareWithEnglish('m/fr.mdx', fr, en) // [] when only the words differ
 */
export function compareWithEnglish(file: string, translation: ModuleFrontmatter, english: ModuleFrontmatter): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const ids = (d: ModuleFrontmatter) => d.sections.map((s) => s.id).join(', ');
  if (ids(translation) !== ids(english)) {
    problems.push({ file, field: 'sections', reason: `section ids must match en.mdx in order (${ids(english)}); found ${ids(translation)}` });
  }
  if ([...translation.tracks].sort().join() !== [...english.tracks].sort().join()) {
    problems.push({ file, field: 'tracks', reason: `tracks must match en.mdx (${english.tracks.join(', ')})` });
  }
  const shape = (q: Quiz | undefined) =>
    (q?.questions ?? []).map((question) => `${question.id}:${question.type}[${question.options.map((o) => `${o.id}${o.correct ? '*' : ''}`).join(' ')}]`).join('; ');
  if (shape(translation.quiz) !== shape(english.quiz)) {
    problems.push({
      file,
      field: 'quiz',
      reason: `the knowledge check must have the same questions, options and correct answers as en.mdx (${shape(english.quiz) || 'none'}); found ${shape(translation.quiz) || 'none'}`,
    });
  }
  return problems;
}
