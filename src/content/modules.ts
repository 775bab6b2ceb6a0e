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
  })
  .strict()
  .superRefine((data, ctx) => {
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

/** A problem found in a content file, with where and why. */
export interface ContentProblem {
  file: string;
  field: string;
  reason: string;
}

/**
 * Formats problems as one line each: `file: field: reason`.
 * @example formatProblems([{ file: 'a.mdx', field: 'title', reason: 'must not be empty' }])
 * // 'a.mdx: title: must not be empty'
 */
export function formatProblems(problems: readonly ContentProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`).join('\n');
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

/** An activity id for a module, as used in statements and progress rows. */
export function moduleActivityId(moduleSlug: string): string {
  return `module:${moduleSlug}`;
}
