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
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `term id "${id}" is used twice` });
    });
  });

export type GlossaryTerm = z.infer<typeof glossaryTerm>;
export type GlossaryFile = z.infer<typeof glossaryFile>;
