/**
 * Reads YAML for the content checks and says what is wrong in a trainer's words: the line,
 * an excerpt of it, what the parser found and how to fix it. Pure (the `yaml` package runs in
 * the browser too), shared by the scenario and content checks and the studio.
 */
import { LineCounter, parseDocument } from 'yaml';

export interface YamlProblem {
  line: number;
  column: number;
  reason: string;
  fix: string;
}

/** Plain words for the parser's error codes. */
const explanations: Record<string, { reason: string; fix: string }> = {
  BAD_INDENT: {
    reason: 'the indentation is wrong here',
    fix: 'indent every key of the same block by the same number of spaces (2 per level), and close { or [ on the same line',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    reason: 'a value contains ": " and reads as a second key',
    fix: 'put the text in double quotes, e.g. title: "Hello: world"',
  },
  MISSING_CHAR: {
    reason: 'a quote or bracket is not closed',
    fix: 'close the quote (") or bracket where the text ends; a " inside a quoted text is written \\"',
  },
  DUPLICATE_KEY: {
    reason: 'the same key appears twice in one block',
    fix: 'keep one of them: a second one would silently replace the first',
  },
  TAB_AS_INDENT: {
    reason: 'a tab is used for indentation',
    fix: 'indent with spaces only (2 per level)',
  },
  MULTILINE_IMPLICIT_KEY: {
    reason: 'a key runs over more than one line, often because a text with ": " or "#" is not quoted',
    fix: 'put the text in double quotes, or use "text: |" and indent the lines under it',
  },
  UNEXPECTED_TOKEN: {
    reason: 'something here does not belong in YAML (often a stray character or an unquoted text starting with a symbol)',
    fix: 'put the text in double quotes',
  },
};

/**
 * Parses YAML. Returns the data, or the first problem with its line (1-based, plus
 * `lineOffset` when the YAML starts further down a file), an excerpt and a fix in plain words.
 * @example parseYamlText('title: "x\n').ok // false, with line 1 and 'a quote or bracket is not closed'
 */
export function parseYamlText(text: string, lineOffset = 0): { ok: true; data: unknown } | { ok: false; problem: YamlProblem } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (!error) return { ok: true, data: doc.toJS() };
  let { line, col } = lineCounter.linePos(error.pos[0]);
  const lines = text.split(/\r?\n/);
  if (error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    // the parser stops where the file ends; the mistake is on the line whose quote is never closed
    for (let n = Math.min(line, lines.length); n >= 1; n--) {
      if (((lines[n - 1] ?? '').replace(/\\"/g, '').match(/"/g) ?? []).length % 2 === 1) {
        line = n;
        col = (lines[n - 1] ?? '').indexOf('"') + 1;
        break;
      }
    }
  }
  const excerpt = [line - 1, line]
    .filter((n) => n >= 1 && n <= lines.length)
    .map((n) => `${String(n + lineOffset).padStart(4)} | ${lines[n - 1]}`)
    .join('\n');
  line += lineOffset;
  const known = explanations[error.code];
  const parser = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  return {
    ok: false,
    problem: {
      line,
      column: col,
      reason: `not valid YAML at line ${line}, column ${col}: ${known?.reason ?? parser} (${parser})\n${excerpt}`,
      fix: known?.fix ?? 'check the indentation (spaces, 2 per level) and put texts with ":" or "#" in double quotes',
    },
  };
}
