/**
 * The glossary: content/glossary/<lang>.yaml, one list of terms per language. The first use of
 * a term in a module shows its definition in place (src/content/remark-glossary.ts).
 */
import { z } from 'astro/zod';

export const glossaryTerm = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'id must be lower-case words joined by hyphens, the same in every language' }),
    term: z.string({ error: 'term is required' }).trim().min(1, { error: 'term must not be empty' }).max(100),
    aliases: z.array(z.string().trim().min(1)).default([]),
    definition: z.string({ error: 'definition is required' }).trim().min(1, { error: 'definition must not be empty' }).max(400, { error: 'definition must be at most 400 characters' }),
  })
  .strict();

export const glossaryFile = z
  .object({ terms: z.array(glossaryTerm, { error: 'terms must be a list of { id, term, aliases, definition }' }).min(1) })
  .strict()
  .superRefine((data, ctx) => {
    const ids = data.terms.map((t) => t.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `term id "${id}" is used twice; keep one entry (merge their aliases)` });
    });
    for (const problem of sameTermProblems(data.terms)) ctx.addIssue({ code: 'custom', path: ['terms', problem.index, 'term'], message: problem.message });
  });

/**
 * The same word (a term or an alias, ignoring case) defined under two ids: the module text
 * would link it to only one of them.
 * @example sameTermProblems([{ id: 'a', term: 'Guardian', aliases: [] }, { id: 'b', term: 'x', aliases: ['guardian'] }])
 * // [{ index: 1, message: '"guardian" is already the term or an alias of "a"; one word, one entry: ...' }]
 */
export function sameTermProblems(terms: readonly { id: string; term: string; aliases?: readonly string[] }[]): { index: number; message: string }[] {
  const owner = new Map<string, string>();
  const problems: { index: number; message: string }[] = [];
  terms.forEach((t, index) => {
    for (const word of [t.term, ...(t.aliases ?? [])]) {
      const key = word.trim().toLocaleLowerCase();
      const first = owner.get(key);
      if (first !== undefined && first !== t.id) {
        problems.push({ index, message: `"${word}" is already the term or an alias of "${first}"; one word, one entry: merge "${t.id}" into "${first}" (or remove the word from one of them)` });
      } else owner.set(key, t.id);
    }
  });
  return problems;
}

export type GlossaryTerm = z.infer<typeof glossaryTerm>;
export type GlossaryFile = z.infer<typeof glossaryFile>;
