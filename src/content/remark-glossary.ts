/**
 * Remark plugin: the first use of each glossary term in a module shows its definition in place.
 * The term becomes a button that opens a popover (the HTML popover attribute: it works with a
 * keyboard, a finger or a mouse and without JavaScript; Escape or a tap outside closes it) with
 * the definition and a link to the term's entry in the glossary (/<lang>/glossary/#<id>).
 * The language comes from the file name (content/modules/x/<lang>.mdx), the terms from
 * content/glossary/<lang>.yaml. Headings, links and code are left alone.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface TermForms {
  id: string;
  forms: string[];
}

export interface GlossaryTerm extends TermForms {
  term: string;
  definition: string;
}

interface Node {
  type: string;
  value?: string;
  url?: string;
  children?: Node[];
  data?: Record<string, unknown>;
}

const termNode = 'glossaryTerm';
const skipInside = new Set(['heading', 'link', 'linkReference', 'inlineCode', 'code', 'definition', 'html', 'mdxFlowExpression', 'mdxTextExpression', termNode]);

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

function markFirst(node: Node, forms: string[], render: (word: string) => Node): boolean {
  if (!node.children || skipInside.has(node.type)) return false;
  for (let i = 0; i < node.children.length; i++) {
    const child = node.children[i]!;
    if (child.type === 'text' && child.value) {
      const found = findTerm(child.value, forms);
      if (found) {
        const before = child.value.slice(0, found.index);
        const word = child.value.slice(found.index, found.index + found.length);
        const after = child.value.slice(found.index + found.length);
        const replacement: Node[] = [];
        if (before) replacement.push({ type: 'text', value: before });
        replacement.push(render(word));
        if (after) replacement.push({ type: 'text', value: after });
        node.children.splice(i, 1, ...replacement);
        return true;
      }
    } else if (markFirst(child, forms, render)) {
      return true;
    }
  }
  return false;
}

/**
 * Marks the first use of each term in a tree (longest terms first, so "separated child" wins
 * over "child") with the node `render` makes of it. Returns the ids marked.
 */
export function markGlossaryTerms<T extends TermForms>(tree: Node, terms: readonly T[], render: (term: T, word: string) => Node): string[] {
  const marked: string[] = [];
  const ordered = [...terms].sort((a, b) => Math.max(...b.forms.map((f) => f.length)) - Math.max(...a.forms.map((f) => f.length)));
  for (const term of ordered) {
    const forms = [...term.forms].sort((a, b) => b.length - a.length);
    if (markFirst(tree, forms, (word) => render(term, word))) marked.push(term.id);
  }
  return marked;
}

/**
 * A term shown in place: a button (the word as written) and its popover (the term, its
 * definition, a link to the glossary, a close button), as mdast nodes that become HTML.
 */
export function termWithDefinition(term: GlossaryTerm, word: string, labels: { more: string; close: string }, href: string): Node {
  const id = `glossary-${term.id}`;
  const element = (tagName: string, properties: Record<string, unknown>, children: Node[], type = 'glossaryPart'): Node => ({
    type,
    data: { hName: tagName, hProperties: properties },
    children,
  });
  return element('span', { className: ['glossary'] }, [
    element('button', { type: 'button', className: ['glossary-term'], popoverTarget: id }, [{ type: 'text', value: word }]),
    element('span', { id, popover: 'auto', className: ['glossary-popover'], dataPagefindIgnore: true }, [
      element('strong', { className: ['glossary-popover-term'] }, [{ type: 'text', value: term.term }]),
      element('span', { className: ['glossary-popover-definition'] }, [{ type: 'text', value: term.definition }]),
      element('span', { className: ['glossary-popover-actions'] }, [
        { type: 'link', url: href, children: [{ type: 'text', value: labels.more }] },
        element('button', { type: 'button', className: ['secondary'], popoverTarget: id, popoverTargetAction: 'hide' }, [{ type: 'text', value: labels.close }]),
      ]),
    ]),
  ], termNode);
}

const cache = new Map<string, GlossaryTerm[]>();

function termsFor(root: string, lang: string): GlossaryTerm[] {
  const file = path.join(root, 'content', 'glossary', `${lang}.yaml`);
  if (!cache.has(file)) {
    if (!existsSync(file)) return [];
    const data = parse(readFileSync(file, 'utf8')) as { terms?: { id: string; term: string; aliases?: string[]; definition: string }[] };
    cache.set(file, (data.terms ?? []).map((t) => ({ id: t.id, term: t.term, definition: t.definition, forms: [t.term, ...(t.aliases ?? [])].filter(Boolean) })));
  }
  return cache.get(file)!;
}

function labelsFor(root: string, lang: string): { more: string; close: string } {
  const read = (l: string) => (JSON.parse(readFileSync(path.join(root, 'src', 'i18n', 'ui', `${l}.json`), 'utf8')) as { glossaryTerm?: { more?: string; close?: string } }).glossaryTerm ?? {};
  const own = existsSync(path.join(root, 'src', 'i18n', 'ui', `${lang}.json`)) ? read(lang) : {};
  const en = read('en');
  return { more: own.more ?? en.more ?? 'Glossary', close: own.close ?? en.close ?? 'Close' };
}

export default function remarkGlossary() {
  return (tree: unknown, file: { path?: string; history?: string[] }) => {
    const filePath = file.path ?? file.history?.[0] ?? '';
    const match = /[\\/]content[\\/]modules[\\/][^\\/]+[\\/]([a-z]{2})\.mdx?$/.exec(filePath);
    if (!match) return;
    const lang = match[1]!;
    const root = filePath.slice(0, filePath.search(/[\\/]content[\\/]modules[\\/]/));
    const labels = labelsFor(root, lang);
    markGlossaryTerms(tree as Node, termsFor(root, lang), (term, word) => termWithDefinition(term, word, labels, `/${lang}/glossary/#${term.id}`));
  };
}
