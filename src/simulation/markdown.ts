/**
 * Scenario Markdown, rendered and checked in one place for the build and the studio (pure:
 * runs in Node and in the browser). micromark is CommonMark with GFM, and safe by default: raw
 * HTML is shown as text (never passed through) and links with other protocols than http(s),
 * mailto, irc(s) and xmpp lose their href, so `javascript:` never reaches a page.
 */
import { micromark, parse, postprocess, preprocess } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import type { Scenario } from './schema.ts';

/**
 * A scenario text (a node's or an ending's) as HTML, with raw HTML escaped and unsafe links
 * dropped.
 * @example renderMarkdown('**Safe** <script>x</script>') // '<p><strong>Safe</strong> &lt;script&gt;x&lt;/script&gt;</p>\n'
 */
const syntax = [gfm()];
const html = [gfmHtml()];

export function renderMarkdown(text: string): string {
  return micromark(text, { extensions: syntax, htmlExtensions: html });
}

/**
 * Each node's and ending's text of a (localized) scenario as HTML, for the player: the scenario
 * pages at build time and the studio's preview in the browser.
 * @example renderTexts(scenario).arrival // '<p>A boy of about twelve…</p>'
 */
export function renderTexts(scenario: Pick<Scenario, 'nodes' | 'endings'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, node] of Object.entries(scenario.nodes)) out[id] = renderMarkdown(node.text);
  for (const [id, ending] of Object.entries(scenario.endings)) out[id] = renderMarkdown(ending.text);
  return out;
}

export interface MarkdownProblem {
  /** 1-based line within the text. */
  line: number;
  reason: string;
  fix: string;
}

/** Whether micromark keeps a link destination (it drops unsafe protocols, also when written with character references). */
function keptByRenderer(url: string): boolean {
  if (url === '') return true;
  const html = micromark(`[x](<${url.replace(/[<>\n]/g, '')}>)`);
  return !/href=""/.test(html);
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text).replace(/\s+/g, ' ');

/**
 * Raw HTML and unsafe links in a Markdown text, each with its line and what to write instead.
 * @example markdownProblems('<img src=x onerror=alert(1)>')[0].reason // 'raw HTML is not allowed: <img src=x onerror=alert(1)>'
 */
export function markdownProblems(text: string): MarkdownProblem[] {
  // HTML and autolinks start with "<", links and definitions have "]": nothing to look for without them
  if (!text.includes('<') && !text.includes(']')) return [];
  const events = postprocess(parse({ extensions: syntax }).document().write(preprocess()(text, undefined, true)));
  const problems: MarkdownProblem[] = [];
  for (const [kind, token, context] of events) {
    if (kind !== 'enter') continue;
    if (token.type === 'htmlFlow' || token.type === 'htmlText') {
      problems.push({
        line: token.start.line,
        reason: `raw HTML is not allowed: ${short(context.sliceSerialize(token))}`,
        fix: 'write Markdown instead: **bold**, *italic*, lists with "- ", links as [words](https://...); learners would see the tags as text',
      });
    }
    if (token.type === 'resourceDestinationString' || token.type === 'definitionDestinationString' || token.type === 'autolinkProtocol') {
      const url = context.sliceSerialize(token).trim();
      if (!keptByRenderer(url)) {
        problems.push({
          line: token.start.line,
          reason: `the link "${short(url)}" is not allowed: only web and e-mail addresses are (it would be removed)`,
          fix: 'link only to https://, http:// or mailto: addresses, or to a page of the site such as /en/modules/at-the-border/',
        });
      }
    }
  }
  return problems;
}

/**
 * HTML tags in a plain-text field (a label, a feedback, a title): shown as typed, so never
 * what the author meant.
 * @example plainTextProblems('Ask <b>gently</b>').length // 1
 */
export function plainTextProblems(text: string): MarkdownProblem[] {
  const match = /<\/?[a-zA-Z][^>]*>?/.exec(text);
  if (!match) return [];
  const line = text.slice(0, match.index).split('\n').length;
  return [{
    line,
    reason: `HTML is not allowed in this text: ${short(match[0])}`,
    fix: 'write plain words; this text is shown exactly as typed (no Markdown, no HTML)',
  }];
}
