/**
 * The YAML view's editor: CodeMirror 6 with YAML highlighting, undo history, line numbers and
 * marks for YAML errors and check problems. Loaded only when a trainer opens the YAML view
 * (a dynamic import), so the studio's first load stays small. Tab is left to the browser, so
 * keyboard users move in and out of the editor as from any field (indent with spaces).
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, Transaction } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';

export interface YamlEditor {
  /** Replaces the whole text (a change made elsewhere), keeping the editor's own history out of it. */
  setText(text: string): void;
  /** Marks lines: each with a message (YAML errors, check problems). */
  mark(marks: { line: number; message: string; severity: 'error' | 'warning' }[]): void;
  /** Moves the cursor to the start of a line, shows it and focuses the editor. */
  goToLine(line: number): void;
  destroy(): void;
}

export function createYamlEditor(parent: HTMLElement, options: { text: string; label: string; describedBy: string; onChange: (text: string) => void }): YamlEditor {
  let silent = false;
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle),
        yaml(),
        lintGutter(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-describedby': options.describedBy, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !silent) options.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  const lineRange = (line: number) => {
    const n = Math.min(Math.max(1, line), view.state.doc.lines);
    return view.state.doc.line(n);
  };
  return {
    setText(text) {
      if (text === view.state.doc.toString()) return;
      silent = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: Transaction.addToHistory.of(false) });
      silent = false;
    },
    mark(marks) {
      const diagnostics: Diagnostic[] = marks.map((m) => {
        const l = lineRange(m.line);
        return { from: l.from, to: l.to, severity: m.severity, message: m.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goToLine(line) {
      const l = lineRange(line);
      view.dispatch({ selection: { anchor: l.from }, effects: EditorView.scrollIntoView(l.from, { y: 'center' }) });
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
