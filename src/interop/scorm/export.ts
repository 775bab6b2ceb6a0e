/**
 * SCORM 1.2 packages of the lessons and case simulations: one zip per module or scenario and
 * language, with imsmanifest.xml (manifest.ts), index.html holding the content as data, the
 * player (player/main.ts, bundled by esbuild with the site's own pure modules) and its style.
 * Everything a package needs is inside it: no network once imported.
 * Reads the content catalogue (Node); used by `npm run export:scorm` and the server's download
 * route (pb_hooks/scorm.pb.js runs that script).
 */
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickStrings, useTranslations } from '../../i18n/index.ts';
import { defaultLocale, locales, textDirection, type Locale } from '../../i18n/locales.ts';
import { assertValid, catalogueOf, learningFacts, type Catalogue } from '../../content/catalogue.ts';
import { playerData } from '../../simulation/player-data.ts';
import { lessonSections } from './lesson-html.ts';
import { scormManifest } from './manifest.ts';
import type { PackageData, PackageStrings } from './package-data.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export type PackageKind = 'module' | 'scenario';

export interface BuiltPackage {
  /** e.g. continuum-module-at-the-border-fr.zip */
  name: string;
  kind: PackageKind;
  id: string;
  lang: Locale;
  zip: Uint8Array;
}

let playerScript: Promise<string> | undefined;

/** The player, bundled once per process (the same for every package). */
export function scormPlayer(): Promise<string> {
  playerScript ??= build({
    entryPoints: [path.join(here, 'player', 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    legalComments: 'eof',
    logLevel: 'warning',
  }).then((result) => result.outputFiles[0]!.text);
  return playerScript;
}

function strings(lang: Locale): PackageStrings {
  return {
    module: pickStrings(lang, 'module'),
    progress: pickStrings(lang, 'progress'),
    quiz: pickStrings(lang, 'quiz'),
    scenario: pickStrings(lang, 'scenario'),
    interop: pickStrings(lang, 'interop'),
  };
}

/** What the player of a lesson's package gets, in one language (English where not translated). */
export function modulePackageData(catalogue: Catalogue, slug: string, lang: Locale): PackageData {
  const module = catalogue.modules.find((m) => m.slug === slug);
  if (!module) throw new Error(`no module "${slug}" in content/modules (one of: ${catalogue.modules.map((m) => m.slug).join(', ')})`);
  const file = module.files[lang] ?? module.files[defaultLocale]!;
  const fm = file.frontmatter;
  return {
    kind: 'module',
    lang,
    dir: textDirection(lang),
    translated: file.lang === lang,
    title: fm.title,
    slug,
    summary: fm.summary,
    minutes: fm.minutes,
    objectives: fm.objectives,
    sections: lessonSections(file.body, fm.sections),
    quiz: fm.quiz ?? null,
    facts: learningFacts(catalogue).modules[slug]!,
    strings: strings(lang),
  };
}

/** What the player of a case simulation's package gets, in one language. */
export function scenarioPackageData(catalogue: Catalogue, id: string, lang: Locale): PackageData {
  const item = catalogue.scenarios.find((s) => s.scenario.id === id);
  if (!item) throw new Error(`no scenario "${id}" in content/scenarios (one of: ${catalogue.scenarios.map((s) => s.scenario.id).join(', ')})`);
  const player = playerData(item.scenario, item.overlays, lang);
  const t = useTranslations(lang);
  return {
    kind: 'scenario',
    lang,
    dir: textDirection(lang),
    translated: player.translated,
    title: player.scenario.title,
    player,
    principleLabels: Object.fromEntries(item.scenario.principles.map((p) => [p, t(`principles.${p}`)])),
    strings: strings(lang),
  };
}

const escapeHtml = (text: string) => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** The package's launch page: the data as JSON that cannot close its script element. */
export function launchPage(data: PackageData): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `<!doctype html>
<html lang="${data.lang}" dir="${data.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.title)}</title>
<link rel="stylesheet" href="player.css">
</head>
<body>
<main>
<div id="lms-notice"></div>
<div id="player"><noscript>${escapeHtml(data.strings.interop.noLms)}</noscript></div>
</main>
<script type="application/json" id="package-data">${json}</script>
<script src="player.js"></script>
</body>
</html>
`;
}

const encoder = new TextEncoder();
// a fixed time for every file, so that the same content makes the same zip
const fixedTime = new Date('2026-01-01T00:00:00Z');

/** One package as a zip. */
export async function buildPackage(catalogue: Catalogue, kind: PackageKind, id: string, lang: Locale): Promise<BuiltPackage> {
  const data = kind === 'module' ? modulePackageData(catalogue, id, lang) : scenarioPackageData(catalogue, id, lang);
  const version = kind === 'module'
    ? (catalogue.modules.find((m) => m.slug === id)!.files[defaultLocale]!.frontmatter.version ?? 1)
    : catalogue.scenarios.find((s) => s.scenario.id === id)!.scenario.version;
  const identifier = `continuum-${kind}-${id}-${lang}`;
  const files: Record<string, string> = {
    'index.html': launchPage(data),
    'player.js': await scormPlayer(),
    'player.css': readFileSync(path.join(here, 'player', 'player.css'), 'utf8'),
  };
  files['imsmanifest.xml'] = scormManifest({ identifier, title: data.title, launch: 'index.html', files: Object.keys(files), version });
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [encoder.encode(text), { mtime: fixedTime }]])), { level: 9 });
  return { name: `${identifier}.zip`, kind, id, lang, zip };
}

export interface ExportOptions {
  root: string;
  out: string;
  langs?: readonly Locale[];
  /** Only these packages, as "module:<id>" or "scenario:<id>" (default: every one). */
  only?: readonly string[];
}

/** Writes every package asked for into `out` and returns what it wrote. */
export async function exportPackages(options: ExportOptions): Promise<BuiltPackage[]> {
  const catalogue = assertValid(catalogueOf(options.root));
  const wanted: { kind: PackageKind; id: string }[] = [
    ...catalogue.modules.map((m) => ({ kind: 'module' as const, id: m.slug })),
    ...catalogue.scenarios.map((s) => ({ kind: 'scenario' as const, id: s.scenario.id })),
  ];
  const only = options.only?.map((o) => o.trim()).filter(Boolean);
  for (const name of only ?? []) {
    if (!wanted.some((w) => `${w.kind}:${w.id}` === name)) throw new Error(`--only ${name}: no such module or scenario (write module:<id> or scenario:<id>)`);
  }
  mkdirSync(options.out, { recursive: true });
  const built: BuiltPackage[] = [];
  for (const item of wanted.filter((w) => !only || only.includes(`${w.kind}:${w.id}`))) {
    for (const lang of options.langs ?? locales) {
      const pkg = await buildPackage(catalogue, item.kind, item.id, lang);
      writeFileSync(path.join(options.out, pkg.name), pkg.zip);
      built.push(pkg);
    }
  }
  return built;
}
