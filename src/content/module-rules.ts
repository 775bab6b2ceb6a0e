/**
 * The rules of docs/writing-modules.md that need the MDX body, and the checks of one module
 * across its languages. Pure (no Astro runtime, no file reading): `npm run check:content`,
 * the build and the tests call the same functions, so they report the same problems with the
 * same words. MDX syntax is checked by the real MDX compiler (@mdx-js/mdx), the one the build
 * uses through @astrojs/mdx.
 */
import { compileSync, createProcessor } from '@mdx-js/mdx';
import { checkModuleBody, compareWithEnglish, type ContentProblem, type ModuleFrontmatter } from './modules.ts';

/** The components a module body may use. */
export const moduleComponents = ['Section', 'Callout'] as const;
export const calloutKinds = ['example', 'note', 'warning'] as const;

interface MdxNode {
  type: string;
  name?: string | null;
  depth?: number;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdxNode[];
  position?: { start: { line: number; column: number } };
}

const processor = createProcessor();

/** The line number in the whole file of a body line (the frontmatter comes first). */
export function bodyLineOffset(fileText: string): number {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(fileText);
  return match ? match[0].split('\n').length - 1 : 0;
}

/** A compiler error in a trainer's words: what is wrong and what to write instead. */
function explainSyntaxError(message: string, lineText: string): { reason: string; fix: string } {
  if (/<!--/.test(lineText)) return { reason: 'HTML comments (<!-- -->) are not allowed', fix: 'delete the comment' };
  const tag = /<\/?([a-z][a-z0-9]*)\b[^>]*>?/.exec(lineText);
  if (tag) return { reason: `raw HTML is not allowed: ${tag[0]}`, fix: htmlFix(tag[1]!) };
  if (/closing brace|in expression/.test(message)) {
    return { reason: 'a "{" starts code in MDX and it is not closed', fix: 'write the text without { and }, or put a backslash before each: \\{ and \\}' };
  }
  const unclosed = /expected (?:a )?(?:corresponding )?closing tag for `<(\w+)>` \((\d+):/.exec(message) ?? /Expected a closing tag for `<(\w+)>` \((\d+):/.exec(message);
  if (unclosed) {
    return { reason: `<${unclosed[1]}> is opened (body line ${unclosed[2]}) but not closed before this line`, fix: `close it with </${unclosed[1]}> on its own line, with a blank line before it, before the </Section> that ends the section` };
  }
  if (/before name/.test(message) && /<\s|<\d|<=/.test(lineText)) {
    return { reason: 'a "<" in the text reads as the start of a tag', fix: 'write "less than" in words, or put a backslash before it: \\<' };
  }
  return { reason: `the MDX compiler cannot read this: ${message.split('\n')[0]}`, fix: 'see docs/writing-modules.md: blank lines around <Section> and <Callout> tags, no {, } or < in the text' };
}

function htmlFix(tag: string): string {
  switch (tag) {
    case 'img': return 'images are not supported in modules yet; describe what matters in words';
    case 'a': return 'write a link in Markdown: [words](https://...)';
    case 'b': case 'strong': return 'write **bold** in Markdown';
    case 'i': case 'em': return 'write *italic* in Markdown';
    case 'br': case 'p': case 'div': return 'leave a blank line between paragraphs instead';
    case 'ul': case 'ol': case 'li': return 'write a list with "- " at the start of each line';
    case 'h1': case 'h2': case 'h3': case 'h4': return 'write a sub-heading with ### at the start of the line';
    case 'script': case 'style': case 'iframe': return 'remove it: modules hold text only';
    default: return 'write Markdown instead (**bold**, *italic*, lists with "- ", links as [words](https://...)), or <Callout> for a box';
  }
}

const attribute = (node: MdxNode, name: string) => {
  const value = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
  return typeof value === 'string' ? value : undefined;
};

/**
 * The rules of a module body (docs/writing-modules.md) with the file line of each problem:
 * MDX that compiles, only <Section> and <Callout> (no other HTML, no imports, no { } code),
 * no # or ## headings, callouts with a known kind and a title, at least one example callout,
 * and the sections of the frontmatter in order.
 * @example moduleBodyProblems('m/en.mdx', '<Section id="a">\n\n<img src="x" />\n\n</Section>', [{ id: 'a' }], 10)[0].reason // 'raw HTML is not allowed: <img>'
 */
export function moduleBodyProblems(file: string, body: string, sections: readonly { id: string }[], lineOffset = 0): ContentProblem[] {
  const at = (line: number | undefined) => (line === undefined ? undefined : line + lineOffset);
  const lines = body.split('\n');
  try {
    compileSync(body);
  } catch (error) {
    const e = error as { line?: number; reason?: string; message: string };
    const lineText = lines[(e.line ?? 1) - 1] ?? '';
    const { reason, fix } = explainSyntaxError(e.reason ?? e.message, lineText);
    return [{ file, line: at(e.line), field: 'body', reason, fix }];
  }
  const problems: ContentProblem[] = [];
  const push = (node: MdxNode, reason: string, fix: string) => problems.push({ file, line: at(node.position?.start.line), field: 'body', reason, fix });
  let examples = 0;
  const walk = (node: MdxNode, parents: MdxNode[]) => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      if (!(moduleComponents as readonly string[]).includes(name)) {
        if (/^[a-z]/.test(name)) push(node, `raw HTML is not allowed: <${name}>`, htmlFix(name));
        else push(node, `<${name || '>'}> is not a component modules can use`, 'use <Section id="..."> and <Callout kind="example|note|warning" title="...">');
      }
      if (name === 'Section' && parents.some((p) => p.type !== 'root')) push(node, '<Section> is inside another block', 'put each <Section> at the top level of the body, one after the other');
      if (name === 'Callout') {
        const kind = attribute(node, 'kind');
        if (kind === 'example') examples++;
        if (!kind || !(calloutKinds as readonly string[]).includes(kind)) push(node, `<Callout> needs kind="example", "note" or "warning"${kind ? `, not "${kind}"` : ''}`, 'write <Callout kind="example" title="What would you do?">');
        if (!attribute(node, 'title')) push(node, '<Callout> needs a title', 'add title="..." (shown as the box heading)');
      }
    }
    if (node.type === 'mdxjsEsm') push(node, 'import and export lines are not allowed', 'remove them: <Section> and <Callout> are available without an import');
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') push(node, `"{${(node.value ?? '').trim().slice(0, 30)}}" is read as code`, 'write the text without { and }, or put a backslash before each: \\{ and \\}');
    if (node.type === 'heading' && (node.depth ?? 3) <= 2) {
      push(node, `a ${'#'.repeat(node.depth ?? 1)} heading inside the body`, 'each section\'s title comes from the frontmatter: write sub-headings with ### (or split the section in two in the frontmatter)');
    }
    for (const child of node.children ?? []) walk(child, [...parents, node]);
  };
  walk(processor.parse(body) as unknown as MdxNode, []);
  if (examples === 0) {
    problems.push({ file, field: 'body', reason: 'no worked example: every module has at least one <Callout kind="example">', fix: 'add a short fictional case in <Callout kind="example" title="What would you do?"> inside the section it illustrates' });
  }
  return [...problems, ...checkModuleBody(file, sections, body)];
}

/**
 * Rules of the frontmatter the schema cannot say alone.
 * @example frontmatterRuleProblems('m/en.mdx', { sections: [{ id: 'a', title: 'A' }] }) // [{ field: 'sections', reason: 'the last section must be "key-points" ...' }]
 */
export function frontmatterRuleProblems(file: string, data: Pick<ModuleFrontmatter, 'sections'>): ContentProblem[] {
  const last = data.sections.at(-1)?.id;
  if (last === 'key-points') return [];
  return [{ file, field: `sections[${data.sections.length - 1}].id`, reason: `the last section must be "key-points" (it is "${last}")`, fix: 'end with { id: key-points, title: "Key points" }: three to five short points to remember' }];
}

export type CoverageState = 'translated' | 'outdated' | 'missing' | 'invalid';

/** One file of a module as the loaders see it. */
export interface ModuleFile {
  lang: string;
  file: string;
  /** The validated frontmatter, or undefined when the file has problems already reported (bad frontmatter). */
  data?: ModuleFrontmatter;
  body: string;
  /** The file line where the body starts (see bodyLineOffset). */
  lineOffset?: number;
}

/**
 * Checks one module across its languages: each file's body and frontmatter rules, the English
 * original present, each translation's structure and version against it. A file whose
 * frontmatter is invalid (data undefined) counts as present: its own problems are reported
 * where it was read, and it never causes a false "needs its English original".
 * @example checkModuleFiles('x', [{ lang: 'fr', file: 'content/modules/x/fr.mdx', data, body }]).problems[0].reason
 * // 'every module needs its English original, en.mdx'
 */
export function checkModuleFiles(slug: string, files: readonly ModuleFile[], locales: readonly string[], englishLocale = 'en'): { problems: ContentProblem[]; coverage: Record<string, CoverageState> } {
  const problems: ContentProblem[] = [];
  const coverage: Record<string, CoverageState> = Object.fromEntries(locales.map((l) => [l, 'missing']));
  for (const f of files) {
    if (!locales.includes(f.lang)) {
      problems.push({ file: f.file, field: '(file name)', reason: `"${f.lang}" is not one of our locales`, fix: `name the file <locale>.mdx with a locale of ${locales.join(', ')}, e.g. fr.mdx` });
      continue;
    }
    if (!f.data) {
      coverage[f.lang] = 'invalid';
      continue;
    }
    const own = [...frontmatterRuleProblems(f.file, f.data), ...moduleBodyProblems(f.file, f.body, f.data.sections, f.lineOffset)];
    problems.push(...own);
    coverage[f.lang] = own.length ? 'invalid' : 'translated';
  }
  const english = files.find((f) => f.lang === englishLocale);
  if (!english) {
    problems.push({ file: `content/modules/${slug}/`, field: `${englishLocale}.mdx`, reason: `every module needs its English original, ${englishLocale}.mdx`, fix: `add content/modules/${slug}/${englishLocale}.mdx (translations are made from it), or move the other files away` });
    return { problems, coverage };
  }
  if (!english.data) return { problems, coverage };
  for (const f of files) {
    if (f === english || !f.data || !locales.includes(f.lang)) continue;
    const structure = compareWithEnglish(f.file, f.data, english.data);
    if (f.data.version > english.data.version) {
      structure.push({ file: f.file, field: 'version', reason: `version ${f.data.version} is higher than ${englishLocale}.mdx's ${english.data.version}`, fix: `a translation's version is the English version it was translated from: set version: ${english.data.version} (raise the English one when its meaning changes)` });
    }
    problems.push(...structure);
    if (structure.length) coverage[f.lang] = 'invalid';
    else if (coverage[f.lang] === 'translated' && f.data.version < english.data.version) coverage[f.lang] = 'outdated';
  }
  return { problems, coverage };
}
