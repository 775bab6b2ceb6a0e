/**
 * Generated scenarios for the analysis at scale: many nodes in layers, three variables,
 * effects and conditions, with planted mistakes whose verdict is known in advance.
 */
import type { Scenario } from '../../src/simulation/schema.ts';

/** A small deterministic pseudo-random generator (mulberry32), so every run builds the same scenario. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `nodes` nodes in layers of up to `width`; each offers two to four choices to the next layer
 * with effects on trust, distress and risk (0..100, steps of 5), some behind conditions that
 * can hold (the first choice never has one). Planted: `sealed`, a node only reached through a
 * choice needing trust == 33 while trust starts at 30 and moves in steps of 5, and `sealed-end`, only reached
 * from it: both can never be reached.
 */
export function generatedScenario(nodes = 2000, width = 20, seed = 7, effects = true): Scenario {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  // layers of 1, 4, 8, 16, then `width` nodes; node k leads to nodes 2k..2k+3 of the next layer, so every node is reachable
  const sizes: number[] = [];
  for (let total = 0; total < nodes;) {
    const size = Math.min(width, sizes.length === 0 ? 1 : 4 * 2 ** (sizes.length - 1), nodes - total);
    sizes.push(size);
    total += size;
  }
  const id = (layer: number, k: number) => `n${layer}-${k}`;
  const scenarioNodes: Scenario['nodes'] = {};
  for (let layer = 0; layer < sizes.length; layer++) {
    for (let k = 0; k < sizes[layer]!; k++) {
      const last = layer === sizes.length - 1;
      const count = layer === 0 ? 4 : 2 + Math.floor(rnd() * 3);
      const choices: Scenario['nodes'][string]['choices'] = [];
      for (let c = 0; c < count; c++) {
        const next = last ? pick(['good-end', 'mixed-end', 'harmful-end']) : id(layer + 1, (2 * k + c) % sizes[layer + 1]!);
        choices.push({
          id: `${id(layer, k)}-c${c}`,
          label: 'Choice', feedback: 'Feedback.',
          effects: effects ? { trust: pick([-10, -5, 0, 5, 10]), distress: pick([-10, -5, 0, 5, 10]), risk: pick([-5, 0, 5]) } : {},
          points: { 'child-first': pick([-1, 0, 1]) as -1 | 0 | 1 },
          // the first choice never has a condition, so no node is a dead end
          condition: c > 0 && rnd() < 0.3 ? { all: [{ variable: pick(['trust', 'distress'] as const), op: pick(['>=', '<='] as const), value: pick([20, 40, 60]) }] } : undefined,
          recommended: c === 0, acceptable: false,
          next,
        });
      }
      scenarioNodes[id(layer, k)] = { text: `Node ${layer}/${k}`, choices };
    }
  }
  // planted: trust starts at 30 and moves in steps of 5, so "trust == 33" never holds
  scenarioNodes[id(5, 0)]!.choices.push({ id: 'into-sealed', label: 'x', feedback: 'x', effects: {}, points: {}, recommended: false, acceptable: false, next: 'sealed', condition: { all: [{ variable: 'trust', op: '==', value: 33 }] } });
  scenarioNodes.sealed = {
    text: 'Never reached',
    choices: [
      { id: 'sealed-a', label: 'x', feedback: 'x', effects: {}, points: {}, recommended: false, acceptable: false, next: 'sealed-end' },
      { id: 'sealed-b', label: 'x', feedback: 'x', effects: {}, points: {}, recommended: false, acceptable: false, next: id(6, 0) },
    ],
  };
  return {
    id: 'generated', version: 1, title: 'Generated', summary: 'A generated scenario.', tracks: ['border-officer'], minutes: 60,
    principles: ['child-first'],
    variables: { trust: { initial: 30, min: 0, max: 100 }, distress: { initial: 50, min: 0, max: 100 }, risk: { initial: 30, min: 0, max: 100 } },
    start: id(0, 0),
    nodes: scenarioNodes,
    endings: {
      'good-end': { outcome: 'good', title: 'Good', text: 'Good.' },
      'mixed-end': { outcome: 'mixed', title: 'Mixed', text: 'Mixed.' },
      'harmful-end': { outcome: 'harmful', title: 'Harmful', text: 'Harmful.' },
      'sealed-end': { outcome: 'harmful', title: 'Sealed', text: 'Never reached.' },
    },
  };
}
