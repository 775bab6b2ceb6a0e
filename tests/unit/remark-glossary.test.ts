import { describe, expect, it } from 'vitest';
import { findTerm, markGlossaryTerms, termWithDefinition, type GlossaryTerm } from '../../src/content/remark-glossary.ts';

type MdNode = { type: string; value?: string; url?: string; children?: MdNode[] };
const paragraph = (text: string): MdNode => ({ type: 'paragraph', children: [{ type: 'text', value: text }] });
const textOf = (n: MdNode): string => n.value ?? (n.children ?? []).map(textOf).join('');
const links = (n: MdNode): MdNode[] => (n.type === 'link' ? [n] : (n.children ?? []).flatMap(links));

describe('glossary links', () => {
  it('finds whole words only, in any case', () => {
    expect(findTerm('A Separated Child arrived.', ['separated child'])).toEqual({ index: 2, length: 15 });
    expect(findTerm('inseparated children', ['separated child'])).toBeNull();
  });

  const term = (id: string, form: string): GlossaryTerm => ({ id, term: form, forms: [form], definition: `Definition of ${form}.` });
  const labels = { more: 'More in the glossary', close: 'Close' };
  const render = (t: GlossaryTerm, word: string) => termWithDefinition(t, word, labels, `/en/glossary/#${t.id}`) as MdNode;
  type HNode = MdNode & { data?: { hName?: string; hProperties?: Record<string, unknown> } };
  const elements = (n: HNode, name: string): HNode[] => [...(n.data?.hName === name ? [n] : []), ...(n.children ?? []).flatMap((c) => elements(c as HNode, name))];

  it('marks the first use of each term, longest first, and leaves headings alone', () => {
    const tree: MdNode = {
      type: 'root',
      children: [
        { type: 'heading', children: [{ type: 'text', value: 'The separated child' }] },
        paragraph('A separated child travels with a relative. Another separated child may not.'),
        paragraph('Every child has rights.'),
      ],
    };
    const marked = markGlossaryTerms(tree, [term('child', 'child'), term('separated-child', 'separated child')], render);
    expect(marked.sort()).toEqual(['child', 'separated-child']);
    expect(elements(tree, 'button').filter((b) => !b.data?.hProperties?.popoverTargetAction).map((b) => [b.data?.hProperties?.popoverTarget, textOf(b)])).toEqual([
      ['glossary-separated-child', 'separated child'],
      ['glossary-child', 'child'],
    ]);
    expect(textOf(tree.children![0]!)).toBe('The separated child');
    // the definition is not searched for more terms ("child" in "Definition of separated child.")
    expect(links(tree).map((l) => l.url)).toEqual(['/en/glossary/#separated-child', '/en/glossary/#child']);
  });

  it('shows the definition in a popover the term opens, with a link to the glossary and a close button', () => {
    const node = render(term('best-interests', 'best interests'), 'Best interests') as HNode;
    const [opener, close] = elements(node, 'button');
    const [popover] = elements(node, 'span').filter((s) => s.data?.hProperties?.popover === 'auto');
    expect(opener!.data?.hProperties).toMatchObject({ type: 'button', popoverTarget: 'glossary-best-interests' });
    expect(textOf(opener!)).toBe('Best interests');
    expect(popover!.data?.hProperties?.id).toBe('glossary-best-interests');
    expect(textOf(popover!)).toContain('Definition of best interests.');
    expect(links(popover!).map((l) => [l.url, textOf(l)])).toEqual([['/en/glossary/#best-interests', 'More in the glossary']]);
    expect(close!.data?.hProperties).toMatchObject({ popoverTarget: 'glossary-best-interests', popoverTargetAction: 'hide' });
  });

  it('works in Arabic script', () => {
    const tree: MdNode = { type: 'root', children: [paragraph('يحتاج الطفل غير المصحوب إلى رعاية فورية.')] };
    markGlossaryTerms(tree, [term('unaccompanied-child', 'الطفل غير المصحوب')], render);
    expect(elements(tree as HNode, 'button').map(textOf)).toEqual(['الطفل غير المصحوب', 'Close']);
  });
});
