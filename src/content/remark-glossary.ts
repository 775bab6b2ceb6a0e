/**
 * Remark plugin: links the first use of each glossary term in a module to its glossary entry
 * (/<lang>/glossary/#<id>). The language comes from the file name (content/modules/x/<lang>.mdx),
 * the terms from content/glossary/<lang>.yaml. Headings, links and code are left alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface TermForms {
  id: string;
  forms: string[];
}

interface Node {
  type: string;
  value?: string;
  url?: string;
  children?: Node[];
  data?: Record<string, unknown>;
}

const skipInside = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code', 'definition', 'html', 'mdxFlowExpression', 'mdxTextExpression']);

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds the first whole-word match of any form, in any script. */
export function findTerm(text: string, forms: readonly string[]): { index: number; length: number } | null {
  let best: { index: number; length: number } | null = null;
  for (const form of forms) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'iu');
    const match = pattern.exec(text);
    if (match && (!best || match.index < best.index || (match.index === best.index && match[0].length > best.length))) {
      best = { index: match.index, length: match[0].length };
    }
  }
  return best;
}

function linkFirst(node: Node, forms: string[], href: string): boolean {
  if (!node.children || skipInside.has(node.type)) return false;
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i]!;
    if (child.type === 'text' && child.value) {
      const found = findTerm(child.value, forms);
      if (found) {
        const before = child.value.slice(0, found.index);
        const word = child.value.slice(found.index, found.index + found.length);
        const after = child.value.slice(found.index + found.length);
        const link: Node = {
          type: 'link',
          url: href,
          children: [{ type: 'text', value: word }],
          data: { hProperties: { className: ['glossary-term'] } },
        };
        const replacement: Node[] = [];
        if (before) replacement.push({ type: 'text', value: before });
        replacement.push(link);
        if (after) replacement.push({ type: 'text', value: after });
        node.children.splice(i, 1, ...replacement);
        return true;
      }
    } else if (linkFirst(child, forms, href)) {
      return true;
    }
  }
  return false;
}

/**
 * Links the first use of each term in a tree (longest terms first, so "separated child" wins
 * over "child"). Returns the ids linked.
 */
export function linkGlossaryTerms(tree: Node, terms: readonly TermForms[], hrefFor: (id: string) => string): string[] {
  const linked: string[] = [];
  const ordered = [...terms].sort((a, b) => Math.max(...b.forms.map((f) => f.length)) - Math.max(...a.forms.map((f) => f.length)));
  for (const term of ordered) {
    const forms = [...term.forms].sort((a, b) => b.length - a.length);
    if (linkFirst(tree, forms, hrefFor(term.id))) linked.push(term.id);
  }
  return linked;
}

const cache = new Map<string, TermForms[]>();

function termsFor(root: string, lang: string): TermForms[] {
  const file = path.join(root, 'content', 'glossary', `${lang}.yaml`);
  if (!cache.has(file)) {
    if (!existsSync(file)) return [];
    const data = parse(readFileSync(file, 'utf8')) as { terms?: { id: string; term: string; aliases?: string[] }[] };
    cache.set(file, (data.terms ?? []).map((t) => ({ id: t.id, forms: [t.term, ...(t.aliases ?? [])].filter(Boolean) })));
  }
  return cache.get(file)!;
}

export default function remarkGlossary() {
  return (tree: unknown, file: { path?: string; history?: string[] }) => {
    const filePath = file.path ?? file.history?.[0] ?? '';
    const match = /[\\/]content[\\/]modules[\\/][^\\/]+[\\/]([a-z]{2})\.mdx?$/.exec(filePath);
    if (!match) return;
    const lang = match[1]!;
    const root = filePath.slice(0, filePath.search(/[\\/]content[\\/]modules[\\/]/));
    linkGlossaryTerms(tree as Node, termsFor(root, lang), (id) => `/${lang}/glossary/#${id}`);
  };
}
