import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { checkModuleBody, compareWithEnglish, formatProblems, validateModuleFrontmatter, type ModuleFrontmatter } from '../../src/content/modules.ts';

const valid = {
  title: 'A module',
  summary: 'What it is about.',
  tracks: ['border-officer'],
  minutes: 10,
  version: 1,
  objectives: ['Do a thing'],
  sections: [{ id: 'first', title: 'First' }, { id: 'second', title: 'Second' }],
};
const file = 'content/modules/example/en.mdx';

function problemsFor(data: unknown) {
  const result = validateModuleFrontmatter(file, data);
  if (result.ok) throw new Error('expected the module to be rejected');
  return result.problems;
}

describe('module frontmatter schema', () => {
  it('accepts a well-formed module', () => {
    expect(validateModuleFrontmatter(file, valid).ok).toBe(true);
  });

  it('rejects a missing title, naming file, field and reason', () => {
    const { title: _, ...noTitle } = valid;
    const [problem] = problemsFor(noTitle);
    expect(problem).toEqual({ file, field: 'title', reason: 'title is required and must be text' });
    expect(formatProblems([problem!])).toBe(`${file}: title: title is required and must be text`);
  });

  it('rejects an unknown track and says which tracks exist', () => {
    const [problem] = problemsFor({ ...valid, tracks: ['pilot'] });
    expect(problem!.field).toBe('tracks[0]');
    expect(problem!.reason).toContain('border-officer, teacher, social-worker, coordinator');
  });

  it('rejects minutes that are not a whole number', () => {
    expect(problemsFor({ ...valid, minutes: 'ten' })[0]).toMatchObject({ field: 'minutes', reason: expect.stringContaining('whole number') });
    expect(problemsFor({ ...valid, minutes: 2.5 })[0]).toMatchObject({ field: 'minutes' });
  });

  it('rejects a badly formed or repeated section id', () => {
    expect(problemsFor({ ...valid, sections: [{ id: 'Who They Are', title: 'x' }] })[0]).toMatchObject({ field: 'sections[0].id', reason: expect.stringContaining('hyphens') });
    expect(problemsFor({ ...valid, sections: [{ id: 'a', title: 'x' }, { id: 'a', title: 'y' }] })[0]).toMatchObject({ field: 'sections[1].id', reason: expect.stringContaining('used twice') });
  });

  it('rejects an unknown field, so a typo does not pass silently', () => {
    expect(problemsFor({ ...valid, objectivs: ['x'] })[0]).toMatchObject({ reason: expect.stringContaining('"objectivs"') });
  });

  it('rejects a summary that is too long', () => {
    expect(problemsFor({ ...valid, summary: 'x'.repeat(300) })[0]).toMatchObject({ field: 'summary', reason: 'summary must be at most 240 characters' });
  });
});

describe('module body', () => {
  const sections = [{ id: 'first' }, { id: 'second' }];
  const body = (ids: string[]) => ids.map((id) => `<Section id="${id}">\n\ntext\n\n</Section>`).join('\n\n');

  it('accepts sections in frontmatter order', () => {
    expect(checkModuleBody(file, sections, body(['first', 'second']))).toEqual([]);
  });

  it('reports a missing, extra, or misplaced section', () => {
    expect(checkModuleBody(file, sections, body(['first']))[0]).toMatchObject({ field: 'sections[1].id', reason: expect.stringContaining('no <Section id="second">') });
    expect(checkModuleBody(file, sections, body(['first', 'second', 'third']))[0]).toMatchObject({ field: 'sections', reason: expect.stringContaining('"third"') });
    expect(checkModuleBody(file, sections, body(['second', 'first']))[0]!.reason).toContain('keep the same order');
  });

  it('reports an unclosed section', () => {
    expect(checkModuleBody(file, [{ id: 'first' }], '<Section id="first">\n\ntext')).toContainEqual(expect.objectContaining({ field: 'body' }));
  });
});

describe('the real modules', () => {
  const root = 'content/modules';
  for (const slug of readdirSync(root)) {
    for (const name of readdirSync(`${root}/${slug}`).filter((f) => f.endsWith('.mdx'))) {
      it(`${slug}/${name} is valid and matches the English structure`, () => {
        const text = readFileSync(`${root}/${slug}/${name}`, 'utf8');
        const [, frontmatter = '', bodyText = ''] = text.match(/^---\n([\s\S]*?)\n---\n([\s\S]*)$/) ?? [];
        const result = validateModuleFrontmatter(name, parseYaml(frontmatter));
        expect(result.ok ? [] : formatProblems(result.problems)).toEqual([]);
        if (!result.ok) return;
        expect(checkModuleBody(name, result.data.sections, bodyText)).toEqual([]);
        const english = readFileSync(`${root}/${slug}/en.mdx`, 'utf8').match(/^---\n([\s\S]*?)\n---/)![1]!;
        const en = parseYaml(english);
        expect(result.data.sections.map((s) => s.id)).toEqual(en.sections.map((s: { id: string }) => s.id));
        expect(result.data.tracks).toEqual(en.tracks);
      });
    }
  }
});

describe('translations keep the English structure', () => {
  const en = {
    title: 'T', summary: 'S', tracks: ['teacher'], minutes: 5, version: 2, objectives: ['o'],
    sections: [{ id: 'a', title: 'A' }],
    quiz: { passThreshold: 0.8, questions: [{ id: 'q', type: 'single', prompt: 'P', options: [{ id: 'x', text: 'X', correct: true, explanation: 'E' }, { id: 'y', text: 'Y', correct: false, explanation: 'E' }] }] },
  } as ModuleFrontmatter;

  it('accepts different words with the same structure', () => {
    const fr = structuredClone(en);
    fr.title = 'Titre';
    fr.quiz!.questions[0]!.prompt = 'Question ?';
    expect(compareWithEnglish('fr.mdx', fr, en)).toEqual([]);
  });

  it('reports a changed correct answer or section id', () => {
    const fr = structuredClone(en);
    fr.quiz!.questions[0]!.options[0]!.correct = false;
    fr.quiz!.questions[0]!.options[1]!.correct = true;
    fr.sections[0]!.id = 'b';
    expect(compareWithEnglish('fr.mdx', fr, en).map((p) => p.field)).toEqual(['sections', 'quiz']);
  });

  it('rejects a single-answer question with two right answers', () => {
    const bad = structuredClone(en);
    bad.quiz!.questions[0]!.options[1]!.correct = true;
    const result = validateModuleFrontmatter('m/en.mdx', bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.reason).toContain('exactly one correct option');
  });
});
