/**
 * Import and export of a studio document as the files of content/scenarios/<id>/: scenario.yaml,
 * one <lang>.yaml overlay per language and, when the studio knows which English each
 * translation was made from, `.translated-from.yaml` (a dot file: the loader and the checks
 * ignore it, so the folder still builds as it is). A round trip loses nothing: importing the
 * exported files gives back the same document, and the files of content/ give back the same data.
 * Pure: runs in the studio (browser) and in the unit tests; fflate makes and reads the .zip.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Node as YamlNode } from 'yaml';
import { scenarioFolderProblems } from './files.ts';
import type { ScenarioProblem } from './schema.ts';
import type { ScenarioDocument } from './workflow.ts';
import { parseYamlText } from './yaml.ts';

/** The overlay languages, in the order of the language switcher. */
export const overlayLanguages = ['fr', 'pt', 'es', 'sw', 'ar'] as const;
export const translatedFromFile = '.translated-from.yaml';

export interface ScenarioFile {
  /** The file's name in its scenario folder: scenario.yaml, fr.yaml, .translated-from.yaml. */
  name: string;
  text: string;
}

type Data = Record<string, unknown>;
const isObject = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The order of the fields in the files (the order of docs/writing-scenarios.md); unknown fields follow. */
const fieldOrder = {
  scenario: ['id', 'version', 'title', 'summary', 'tracks', 'minutes', 'principles', 'variables', 'learn_more', 'start', 'nodes', 'endings'],
  variable: ['label', 'initial', 'min', 'max'],
  node: ['speaker', 'text', 'image_alt', 'choices'],
  choice: ['id', 'label', 'feedback', 'effects', 'points', 'condition', 'recommended', 'acceptable', 'next'],
  ending: ['outcome', 'title', 'text'],
  overlay: ['title', 'summary', 'variables', 'nodes', 'endings'],
  overlayChoice: ['label', 'feedback'],
};

function ordered(value: unknown, order: readonly string[]): unknown {
  if (!isObject(value)) return value;
  const keys = [...order.filter((k) => k in value), ...Object.keys(value).filter((k) => !order.includes(k))];
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}

const mapValues = (value: unknown, f: (v: unknown) => unknown) => (isObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)])) : value);

/** The scenario's fields in the order of the guide, at every level (values untouched). */
function orderedScenario(scenario: Data): unknown {
  const top = ordered(scenario, fieldOrder.scenario) as Data;
  return {
    ...top,
    ...('variables' in top ? { variables: mapValues(top.variables, (v) => ordered(v, fieldOrder.variable)) } : {}),
    ...('nodes' in top ? {
      nodes: mapValues(top.nodes, (node) => {
        const n = ordered(node, fieldOrder.node);
        if (!isObject(n) || !Array.isArray(n.choices)) return n;
        return { ...n, choices: n.choices.map((c) => ordered(c, fieldOrder.choice)) };
      }),
    } : {}),
    ...('endings' in top ? { endings: mapValues(top.endings, (e) => ordered(e, fieldOrder.ending)) } : {}),
  };
}

function orderedOverlay(overlay: Data): unknown {
  const top = ordered(overlay, fieldOrder.overlay) as Data;
  return {
    ...top,
    ...('nodes' in top ? {
      nodes: mapValues(top.nodes, (node) => {
        const n = ordered(node, fieldOrder.node);
        if (!isObject(n) || !isObject(n.choices)) return n;
        return { ...n, choices: mapValues(n.choices, (c) => ordered(c, fieldOrder.overlayChoice)) };
      }),
    } : {}),
    ...('endings' in top ? { endings: mapValues(top.endings, (e) => ordered(e, fieldOrder.ending)) } : {}),
  };
}

/** Words YAML would read as something other than text when written plain. */
const notPlain = /^(true|false|yes|no|on|off|y|n|null|~|[-+]?(\d[\d_]*(\.\d*)?|\.\d+)(e[-+]?\d+)?|0x[0-9a-f]+|0o[0-7]+|\.inf|\.nan)$/i;
const idLike = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * YAML in the style of the files in content/: ids plain, texts in double quotes, texts of
 * several lines as blocks (`|`), and the short maps (a variable, effects, points, a comparison)
 * and lists of ids on one line.
 */
function styledYaml(data: unknown, flowAt: (path: readonly (string | number)[]) => boolean): string {
  const doc = new Document(data);
  const walk = (node: unknown, path: (string | number)[]) => {
    if (isMap(node)) {
      if (path.length > 0 && flowAt(path)) node.flow = true;
      for (const pair of node.items) walk(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : '?']);
    } else if (isSeq(node)) {
      if (flowAt(path)) node.flow = true;
      node.items.forEach((item, i) => walk(item, [...path, i]));
    }
  };
  walk(doc.contents, []);
  visit(doc, {
    Scalar(key, node: Scalar) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const text = node.value;
      if (text.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
      else if (idLike.test(text) && !notPlain.test(text)) node.type = Scalar.PLAIN;
      else node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0, indentSeq: true, flowCollectionPadding: true });
}

/** Which maps and lists of scenario.yaml are written on one line. */
function scenarioFlow(path: readonly (string | number)[]): boolean {
  const [top, , third, , fifth, sixth] = path;
  if (path.length === 1) return top === 'tracks' || top === 'principles';
  if (top === 'variables') return path.length === 2;
  if (top === 'learn_more') return path.length === 2;
  if (top === 'nodes' && third === 'choices') {
    if (path.length === 5) return fifth === 'effects' || fifth === 'points';
    return path.length === 7 && fifth === 'condition' && (sixth === 'all' || sixth === 'any') ? true : false;
  }
  return false;
}

/**
 * scenario.yaml for a scenario's data.
 * @example scenarioYaml({ id: 'x', tracks: ['teacher'] }) // 'id: x\ntracks: [ teacher ]\n'
 */
export function scenarioYaml(scenario: Data): string {
  return styledYaml(orderedScenario(scenario), scenarioFlow);
}

/** <lang>.yaml for an overlay's data. */
export function overlayYaml(overlay: Data): string {
  return styledYaml(orderedOverlay(overlay), () => false);
}

/**
 * The files of a document's scenario folder: scenario.yaml, the overlays in the order of the
 * languages, and .translated-from.yaml when the document says what each translation was made from.
 */
export function filesFromDocument(document: ScenarioDocument): ScenarioFile[] {
  const files: ScenarioFile[] = [{ name: 'scenario.yaml', text: scenarioYaml(document.scenario) }];
  const languages = [...overlayLanguages.filter((l) => l in (document.overlays ?? {})), ...Object.keys(document.overlays ?? {}).filter((l) => !(overlayLanguages as readonly string[]).includes(l))];
  for (const lang of languages) files.push({ name: `${lang}.yaml`, text: overlayYaml(document.overlays[lang] ?? {}) });
  if (document.translatedFrom && Object.keys(document.translatedFrom).length > 0) {
    files.push({ name: translatedFromFile, text: styledYaml(document.translatedFrom, () => false) });
  }
  return files;
}

/** A problem found while reading files: the file, the line or what, why, and what to do. */
function problem(file: string, where: string, reason: string, fix?: string): ScenarioProblem {
  return fix ? { file, where, reason, fix } : { file, where, reason };
}

/** The folder and base name of an imported path: "content/scenarios/x/fr.yaml" -> ["x", "fr.yaml"]. */
function splitPath(name: string): [string, string] {
  const parts = name.replace(/\\/g, '/').split('/').filter(Boolean);
  return [parts.length > 1 ? parts[parts.length - 2]! : '', parts[parts.length - 1] ?? ''];
}

/**
 * A document from the files of one scenario folder (names may carry their folder, as in a
 * .zip or content/scenarios/<id>/...). The data is kept exactly as written, even where the
 * checks will find problems: the studio shows those problems next to the fields. Problems here
 * are what stops an import: YAML that cannot be read, a missing scenario.yaml, files of two
 * scenarios at once, or files that would not be read from content/ (named as they should be).
 */
export function documentFromFiles(files: readonly ScenarioFile[]): { document: ScenarioDocument | null; problems: ScenarioProblem[] } {
  const problems: ScenarioProblem[] = [];
  const wanted = files.filter((f) => !splitPath(f.name)[1].startsWith('.') || splitPath(f.name)[1] === translatedFromFile);
  const folders = [...new Set(wanted.map((f) => splitPath(f.name)[0]))];
  if (folders.length > 1) {
    return { document: null, problems: [problem(folders.join(', '), '(files)', `these files come from ${folders.length} scenario folders`, 'import one scenario at a time: the files of one folder (scenario.yaml and its <lang>.yaml)')] };
  }
  const folder = folders[0] ? `content/scenarios/${folders[0]}/` : '';
  const names = wanted.map((f) => splitPath(f.name)[1]);
  problems.push(...scenarioFolderProblems(folder, names.filter((n) => n !== translatedFromFile)));
  const read = (name: string, text: string): Data | undefined => {
    const parsed = parseYamlText(text);
    if (!parsed.ok) {
      problems.push(problem(`${folder}${name}`, `line ${parsed.problem.line}`, parsed.problem.reason, parsed.problem.fix));
      return undefined;
    }
    if (!isObject(parsed.data)) {
      problems.push(problem(`${folder}${name}`, '(file)', 'this file holds no fields (it must be a list of "name: value" lines)', 'export the scenario from the studio or copy the layout of a scenario in content/scenarios/'));
      return undefined;
    }
    return parsed.data;
  };
  let scenario: Data | undefined;
  const overlays: Record<string, Data> = {};
  let translatedFrom: ScenarioDocument['translatedFrom'];
  for (const file of files) {
    const name = splitPath(file.name)[1];
    if (name === 'scenario.yaml') scenario = read(name, file.text);
    else if (name === translatedFromFile) translatedFrom = read(name, file.text) as ScenarioDocument['translatedFrom'];
    else if ((overlayLanguages as readonly string[]).includes(name.replace(/\.yaml$/, '')) && name.endsWith('.yaml')) {
      const data = read(name, file.text);
      if (data) overlays[name.replace(/\.yaml$/, '')] = data;
    }
  }
  if (!names.includes('scenario.yaml')) {
    problems.push(problem(folder || '(files)', 'scenario.yaml', 'there is no scenario.yaml among these files', 'choose scenario.yaml too (it holds the structure and the English text), or the .zip the studio exported'));
  }
  if (!scenario || problems.length > 0) return { document: null, problems };
  const document: ScenarioDocument = { scenario, overlays };
  if (translatedFrom) document.translatedFrom = translatedFrom;
  return { document, problems };
}

/**
 * The folder as a .zip: <id>/scenario.yaml, <id>/<lang>.yaml... (unzip into content/scenarios/).
 */
export function zipDocument(document: ScenarioDocument): Uint8Array {
  const id = typeof document.scenario.id === 'string' && document.scenario.id ? document.scenario.id : 'scenario';
  return zipSync(Object.fromEntries(filesFromDocument(document).map((f) => [`${id}/${f.name}`, strToU8(f.text)])), { level: 6 });
}

/** The files inside a .zip (folders and anything that is not YAML are skipped). */
export function filesFromZip(zip: Uint8Array): ScenarioFile[] {
  const entries = unzipSync(zip, { filter: (file) => /\.ya?ml$/i.test(file.name) && !file.name.startsWith('__MACOSX/') });
  return Object.entries(entries).map(([name, bytes]) => ({ name, text: strFromU8(bytes) }));
}

/**
 * The line of a problem's place in a file's YAML (1-based), for the YAML view: `where` as the
 * checks write it (nodes.arrival.choices.offer-water.label), where choices are named by id even
 * though scenario.yaml lists them. The nearest enclosing place when the exact one is not there.
 * @example lineOfPath('title: x\nnodes:\n  a:\n    text: y\n', 'nodes.a.text') // 4
 */
export function lineOfPath(text: string, where: string): number | null {
  const line = /^line (\d+)$/.exec(where);
  if (line) return Number(line[1]);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) return null;
  let node: unknown = doc.contents;
  let found: YamlNode | null = isMap(node) ? node : null;
  for (const part of where.split('.')) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === part);
      if (!pair) break;
      found = pair.key as YamlNode; // the key's own line, also when its value is a block below it
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items.find((i) => isMap(i) && i.get('id') === part);
      if (!item) break;
      found = item as YamlNode;
      node = item;
    } else break;
  }
  return found?.range ? lineCounter.linePos(found.range[0]).line : null;
}
