/**
 * A learner must not be able to find the recommended choice without reading: not by its place in
 * the file (print view and no-JS readers see file order) and not by the length of its label.
 * Measured over the English scenario.yaml files, over every decision point with at least two
 * choices and a recommended one.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/content/catalogue.ts';
import type { Scenario } from '../../src/simulation/schema.ts';

interface Measures {
  decisionPoints: number;
  /** The recommended choice is listed first. */
  first: number;
  /** The recommended choice is listed last. */
  last: number;
  /** No other label is longer than the recommended one's (a tie counts). */
  longest: number;
  /** No other label is shorter than the recommended one's (a tie counts). */
  shortest: number;
}

function measure(scenarios: readonly Scenario[]): Measures {
  const m: Measures = { decisionPoints: 0, first: 0, last: 0, longest: 0, shortest: 0 };
  for (const scenario of scenarios) {
    for (const node of Object.values(scenario.nodes)) {
      const index = node.choices.findIndex((c) => c.recommended);
      if (node.choices.length < 2 || index < 0) continue;
      const length = node.choices[index]!.label.length;
      const others = node.choices.filter((_, i) => i !== index).map((c) => c.label.length);
      m.decisionPoints++;
      if (index === 0) m.first++;
      if (index === node.choices.length - 1) m.last++;
      if (length >= Math.max(...others)) m.longest++;
      if (length <= Math.min(...others)) m.shortest++;
    }
  }
  return m;
}

const share = (count: number, m: Measures) => count / m.decisionPoints;
const percent = (count: number, m: Measures) => `${count} of ${m.decisionPoints} (${Math.round(100 * share(count, m))} %)`;

/** A two-node scenario whose recommended choices are first and longest: every measure must see it. */
function giveaway(): Scenario {
  const choice = (id: string, label: string, recommended: boolean, next: string) => ({ id, label, feedback: 'f', effects: {}, points: {}, recommended, next });
  return {
    id: 'giveaway', version: 1, title: 'T', summary: 'S', tracks: ['border-officer'], minutes: 5, principles: ['child-first'],
    variables: {}, start: 'a',
    nodes: {
      a: { text: 'A', choices: [choice('a-good', 'The long and careful recommended choice', true, 'b'), choice('a-bad', 'Short', false, 'end')] },
      b: { text: 'B', choices: [choice('b-good', 'Another long recommended choice', true, 'end'), choice('b-bad', 'No', false, 'end'), choice('b-worse', 'Nope', false, 'end')] },
      c: { text: 'C', choices: [choice('c-only', 'Only one choice: not a decision point', true, 'end')] },
    },
    endings: { end: { outcome: 'good', title: 'E', text: 'E' } },
  };
}

describe('the measures', () => {
  it('see a recommended choice that is first and longest', () => {
    expect(measure([giveaway()])).toEqual({ decisionPoints: 2, first: 2, last: 0, longest: 2, shortest: 0 });
  });
});

describe('scenario choices do not give the recommended one away (English)', () => {
  const { scenarios, problems } = loadCatalogue(process.cwd());
  const m = measure(scenarios.map((s) => s.scenario));

  it('loads the scenarios', () => {
    expect(problems).toEqual([]);
    expect(m.decisionPoints).toBeGreaterThan(50);
  });

  it('lists the recommended choice first in at most 40 % of decision points', () => {
    expect(share(m.first, m), `recommended first in ${percent(m.first, m)}: move it to another place in scenario.yaml`).toBeLessThanOrEqual(0.4);
  });

  it('makes the recommended choice the longest in at most 40 % of decision points', () => {
    expect(share(m.longest, m), `recommended longest in ${percent(m.longest, m)}: give the other choices the same detail and reasons`).toBeLessThanOrEqual(0.4);
  });

  it('does not swap one giveaway for its mirror: recommended last or shortest in at most half', () => {
    expect(share(m.last, m), `recommended last in ${percent(m.last, m)}`).toBeLessThanOrEqual(0.5);
    expect(share(m.shortest, m), `recommended shortest in ${percent(m.shortest, m)}`).toBeLessThanOrEqual(0.5);
  });
});
