/** Reads content files the way the tests need them (the source of truth, not the built pages). */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import type { ModuleFrontmatter } from '../../src/content/modules.ts';

export const moduleSlugs = (): string[] => readdirSync('content/modules').sort();

export function moduleFrontmatter(slug: string, lang: string): ModuleFrontmatter {
  const text = readFileSync(`content/modules/${slug}/${lang}.mdx`, 'utf8');
  return parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as ModuleFrontmatter;
}

export function hasTranslation(slug: string, lang: string): boolean {
  return readdirSync(`content/modules/${slug}`).includes(`${lang}.mdx`);
}
