import { describe, expect, it } from 'vitest';
import { findTerm, linkGlossaryTerms } from '../../src/content/remark-glossary.ts';

type MdNode = { type: string; value?: string; url?: string; children?: MdNode[] };
const paragraph = (text: string): MdNode => ({ type: 'paragraph', children: [{ type: 'text', value: text }] });
const textOf = (n: MdNode): string => n.value ?? (n.children ?? []).map(textOf).join('');
const links = (n: MdNode): MdNode[] => (n.type === 'link' ? [n] : (n.children ?? []).flatMap(links));

describe('glossary links', () => {
  it('finds whole words only, in any case', () => {
    expect(findTerm('A Separated Child arrived.', ['separated child'])).toEqual({ index: 2, length: 15 });
    expect(findTerm('inseparated children', ['separated child'])).toBeNull();
  });

  it('links the first use of each term, longest first, and leaves headings alone', () => {
    const tree: MdNode = {
      type: 'root',
      children: [
        { type: 'heading', children: [{ type: 'text', value: 'The separated child' }] },
        paragraph('A separated child travels with a relative. Another separated child may not.'),
        paragraph('Every child has rights.'),
      ],
    };
    const linked = linkGlossaryTerms(tree, [{ id: 'child', forms: ['child'] }, { id: 'separated-child', forms: ['separated child'] }], (id) => `/en/glossary/#${id}`);
    expect(linked.sort()).toEqual(['child', 'separated-child']);
    const found = links(tree);
    expect(found.map((l) => [l.url, textOf(l)])).toEqual([
      ['/en/glossary/#separated-child', 'separated child'],
      ['/en/glossary/#child', 'child'],
    ]);
    expect(textOf(tree.children![0]!)).toBe('The separated child');
    expect(textOf(tree)).toContain('A separated child travels with a relative. Another separated child may not.');
  });

  it('works in Arabic script', () => {
    const tree: MdNode = { type: 'root', children: [paragraph('يحتاج الطفل غير المصحوب إلى رعاية فورية.')] };
    linkGlossaryTerms(tree, [{ id: 'unaccompanied-child', forms: ['الطفل غير المصحوب'] }], (id) => `/ar/glossary/#${id}`);
    expect(links(tree).map(textOf)).toEqual(['الطفل غير المصحوب']);
  });
});
