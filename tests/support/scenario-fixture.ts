import type { Scenario } from '../../src/simulation/schema.ts';

/** A small valid scenario: a chain of 10 nodes, a condition, three endings. */
export function fixture(): Scenario {
  const nodes: Scenario['nodes'] = {};
  for (let i = 1; i <= 10; i++) {
    const next = i === 10 ? 'good-end' : `n${i + 1}`;
    nodes[`n${i}`] = {
      text: `Node ${i}`,
      choices: [
        { id: `c${i}-good`, label: 'Good', feedback: 'Good.', effects: { trust: 10 }, points: { 'child-first': 1 }, recommended: true, next },
        { id: `c${i}-bad`, label: 'Bad', feedback: 'Bad.', effects: { trust: -20 }, points: { 'child-first': -1 }, recommended: false, next: i === 1 ? 'harmful-end' : next },
      ],
    };
  }
  nodes.n5!.choices.push({ id: 'c5-trusting', label: 'Only with trust', feedback: 'f', effects: {}, points: {}, recommended: false, next: 'mixed-end', condition: { all: [{ variable: 'trust', op: '>=', value: 50 }] } });
  return {
    id: 'fixture', version: 2, title: 'Fixture', summary: 'A test scenario.', tracks: ['border-officer'], minutes: 5,
    principles: ['child-first'],
    variables: { trust: { initial: 20, min: 0, max: 100 } },
    start: 'n1',
    nodes,
    endings: {
      'good-end': { outcome: 'good', title: 'Good', text: 'Good.' },
      'mixed-end': { outcome: 'mixed', title: 'Mixed', text: 'Mixed.' },
      'harmful-end': { outcome: 'harmful', title: 'Harmful', text: 'Harmful.' },
    },
  };
}
