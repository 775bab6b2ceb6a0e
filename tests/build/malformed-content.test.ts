/**
 * A malformed lesson module fails the real build, with the file, the field and the reason.
 * Builds a copy of the site in a temporary directory with one broken file added.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { splitFrontmatter } from '../../src/content/catalogue.ts';
import { bodyLineOffset, moduleBodyProblems } from '../../src/content/module-rules.ts';
import { formatProblems } from '../../src/content/modules.ts';
import { childEnv } from '../support/child-env.ts';
import { moduleFile } from '../support/module-fixture.ts';

function buildWith(files: Record<string, string>, inspect?: (dist: string) => void): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'continuum-build-'));
  try {
    for (const item of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'content/glossary']) {
      cpSync(item, path.join(dir, item), { recursive: true });
    }
    mkdirSync(path.join(dir, 'content/modules'), { recursive: true });
    cpSync('content/modules/children-on-the-move', path.join(dir, 'content/modules/children-on-the-move'), { recursive: true });
    symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), text);
    }
    const result = spawnSync(process.execPath, [path.resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: dir,
      encoding: 'utf8',
      env: childEnv(),
      timeout: 120_000,
    });
    if (inspect && result.status === 0) inspect(path.join(dir, 'dist'));
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const frontmatter = (extra: string) => moduleFile(extra);

describe('the build rejects malformed content', () => {
  it('names the file, the field and the reason for a bad frontmatter value', () => {
    const { status, output } = buildWith({ 'content/modules/broken/en.mdx': frontmatter('minutes: "ten"\n') });
    expect(status).not.toBe(0);
    expect(output).toContain('broken/en');
    expect(output).toMatch(/minutes/);
    expect(output).toContain('minutes must be a whole number of minutes');
  });

  it('names the file and section when the body does not match the frontmatter', () => {
    const text = frontmatter('minutes: 5\n').replace('<Section id="only">', '<Section id="other">');
    const { status, output } = buildWith({ 'content/modules/broken/en.mdx': text });
    expect(status).not.toBe(0);
    expect(output).toContain('content/modules/broken/en.mdx: sections[0].id: section "only" is declared in the frontmatter but the body has no <Section id="only"> block');
  });

  it('stops on an MDX syntax error with the same words as npm run check:content', () => {
    const text = frontmatter('minutes: 5\n').replace('Text.', 'Ages { 12 to 17');
    const expected = formatProblems(moduleBodyProblems('content/modules/broken/en.mdx', splitFrontmatter(text)!.body, [{ id: 'only' }, { id: 'key-points' }], bodyLineOffset(text)));
    expect(expected).toMatch(/^content\/modules\/broken\/en\.mdx:\d+: body: a "\{" starts code in MDX/);
    const { status, output } = buildWith({ 'content/modules/broken/en.mdx': text });
    expect(status).not.toBe(0);
    expect(output).toContain(expected);
  });

  it('stops on a translation without its English original, which the check reports too', () => {
    const { status, output } = buildWith({ 'content/modules/french-only/fr.mdx': frontmatter('minutes: 5\n') });
    expect(status).not.toBe(0);
    expect(output).toContain('content/modules/french-only/: en.mdx: every module needs its English original, en.mdx');
  });
});

describe('a module without a translation', () => {
  it('is shown in English with a visible notice, in the page language', () => {
    let pt = '';
    let en = '';
    const { status, output } = buildWith({ 'content/modules/english-only/en.mdx': frontmatter('minutes: 5\n') }, (dist) => {
      pt = readFileSync(path.join(dist, 'pt/modules/english-only/index.html'), 'utf8');
      en = readFileSync(path.join(dist, 'en/modules/english-only/index.html'), 'utf8');
    });
    expect(status, output).toBe(0);
    expect(pt).toContain('<html lang="pt" dir="ltr"');
    expect(pt).toContain('data-testid="not-translated"');
    expect(pt).toMatch(/<article lang="en"/);
    expect(en).not.toContain('data-testid="not-translated"');
  }, 180_000);
});
