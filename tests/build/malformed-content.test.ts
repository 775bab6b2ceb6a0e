/**
 * A malformed lesson module fails the real build, with the file, the field and the reason.
 * Builds a copy of the site in a temporary directory with one broken file added.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function buildWith(files: Record<string, string>): { status: number | null; output: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'continuum-build-'));
  try {
    for (const item of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
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
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      timeout: 120_000,
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const frontmatter = (extra: string) => `---
title: "Broken module"
summary: "A module with a mistake in it."
tracks: [teacher]
version: 1
objectives:
  - "Notice the mistake"
sections:
  - id: only
    title: "Only section"
${extra}---

<Section id="only">

Text.

</Section>
`;

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
});
