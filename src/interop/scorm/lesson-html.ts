/**
 * A lesson module's MDX body as HTML for a SCORM package, which has no Astro to render it.
 * The body is parsed by the same MDX parser the build and the content checks use (remark-mdx,
 * through unified) and turned into HTML by mdast-util-to-hast and hast-util-to-html, the
 * renderers Astro's Markdown pipeline is made of. The two components a module may use
 * (module-rules.ts `moduleComponents`) become what src/components/Section.astro and
 * Callout.astro render, without the site's islands and links: a section is a <section> with
 * its title from the frontmatter; a callout an <aside> with its title.
 * Raw HTML cannot reach the output: the module checks refuse it, and the converter drops any
 * node it does not know (mdast-util-to-hast without allowDangerousHtml).
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot, RootContent } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface LessonSection {
  id: string;
  title: string;
  /** The section's body as HTML (without its title). */
  html: string;
}

interface JsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: { type: string; name?: string; value?: unknown }[];
  children: RootContent[];
}

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

const attribute = (node: JsxNode, name: string) => {
  const value = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
  return typeof value === 'string' ? value : undefined;
};

const calloutIcons: Record<string, string> = { example: '💬', note: 'ℹ️', warning: '⚠️' };

/** Callouts become <aside>; anything else written as JSX (refused by the checks) is dropped. */
function jsxHandler(state: State, node: JsxNode): Element | ElementContent[] | undefined {
  if (node.name !== 'Callout') return [];
  const kind = attribute(node, 'kind') ?? 'note';
  const title = attribute(node, 'title');
  const children: ElementContent[] = [];
  if (title) {
    children.push({
      type: 'element',
      tagName: 'p',
      properties: { className: ['callout-title'] },
      children: [
        { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: `${calloutIcons[kind] ?? ''} ` }] },
        { type: 'text', value: title },
      ],
    });
  }
  children.push(...(state.all(node as never) as ElementContent[]));
  return { type: 'element', tagName: 'aside', properties: { className: ['callout', `callout-${kind}`], ...(title ? { ariaLabel: title } : {}) }, children };
}

const dropped = () => [];

function toHtmlFragment(nodes: RootContent[]): string {
  const root: MdastRoot = { type: 'root', children: nodes };
  const hast = toHast(root, {
    handlers: { mdxJsxFlowElement: jsxHandler as never, mdxJsxTextElement: jsxHandler as never, mdxFlowExpression: dropped, mdxTextExpression: dropped, mdxjsEsm: dropped },
  }) as HastRoot;
  return toHtml(hast);
}

/**
 * The sections of a module body, in order, each with its title from the frontmatter.
 * @example lessonSections('<Section id="a">\n\nHello **you**.\n\n</Section>', [{ id: 'a', title: 'A' }])
 * // [{ id: 'a', title: 'A', html: '<p>Hello <strong>you</strong>.</p>' }]
 */
export function lessonSections(body: string, sections: readonly { id: string; title: string }[]): LessonSection[] {
  const tree = processor.runSync(processor.parse(body)) as MdastRoot;
  const byId = new Map<string, RootContent[]>();
  for (const node of tree.children) {
    const jsx = node as unknown as JsxNode;
    if (jsx.type === 'mdxJsxFlowElement' && jsx.name === 'Section') {
      const id = attribute(jsx, 'id');
      if (id) byId.set(id, jsx.children);
    }
  }
  return sections.map((s) => {
    const nodes = byId.get(s.id);
    if (!nodes) throw new Error(`the body has no <Section id="${s.id}"> (npm run check:content names the file and the fix)`);
    return { id: s.id, title: s.title, html: toHtmlFragment(nodes) };
  });
}
