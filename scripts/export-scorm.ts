/**
 * `npm run export:scorm -- --out DIR [--lang xx[,yy]] [--only module:<id>|scenario:<id>]`:
 * writes one SCORM 1.2 package (zip) per lesson module and per case simulation, per language
 * asked for (default: all six), into DIR. See src/interop/scorm/export.ts and README.md.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale, locales, type Locale } from '../src/i18n/locales.ts';
import { exportPackages } from '../src/interop/scorm/export.ts';
import { root } from './lib/paths.ts';

const usage = 'usage: npm run export:scorm -- --out DIR [--lang en,fr] [--only module:<id>,scenario:<id>]';
let values: { out?: string; lang?: string; only?: string; quiet?: boolean };
try {
  values = parseArgs({ options: { out: { type: 'string' }, lang: { type: 'string' }, only: { type: 'string' }, quiet: { type: 'boolean' } } }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (!values.out) {
  console.error(`--out DIR is missing: say where the packages go.\n${usage}`);
  process.exit(2);
}
const langs = values.lang ? values.lang.split(',').map((l) => l.trim()) : [...locales];
const unknown = langs.filter((l) => !isLocale(l));
if (unknown.length) {
  console.error(`--lang ${unknown.join(',')}: not a language of the platform (use ${locales.join(', ')}).`);
  process.exit(2);
}
try {
  const out = path.resolve(values.out);
  const built = await exportPackages({ root, out, langs: langs as Locale[], ...(values.only ? { only: values.only.split(',') } : {}) });
  if (!values.quiet) {
    for (const p of built) console.log(`${p.name}  ${(p.zip.length / 1024).toFixed(0)} KiB`);
    console.log(`\n✓ ${built.length} SCORM 1.2 package(s) in ${out}`);
  }
} catch (error) {
  console.error(`✗ ${(error as Error).message}`);
  process.exit(1);
}
