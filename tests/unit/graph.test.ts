import { describe, expect, it } from 'vitest';
import { layoutGraph, layoutKey, nodeSize, scenarioGraph } from '../../src/simulation/graph.ts';
import type { ScenarioProblem } from '../../src/simulation/schema.ts';
import { fixture } from '../support/scenario-fixture.ts';

const raw = (s: ReturnType<typeof fixture>) => s as unknown as Record<string, unknown>;
const problem = (where: string, file = 'content/scenarios/fixture/scenario.yaml'): ScenarioProblem => ({ file, where, reason: `wrong at ${where}` });

describe('scenario graph', () => {
  it('has the nodes and endings, from the start in reading order, and a choice per edge', () => {
    const g = scenarioGraph(raw(fixture()));
    expect(g.nodes.map((n) => n.id)).toEqual(['n1', 'n2', 'harmful-end', 'n3', 'n4', 'n5', 'n6', 'mixed-end', 'n7', 'n8', 'n9', 'n10', 'good-end']);
    expect(g.nodes[0]).toEqual({ id: 'n1', kind: 'node', path: 'nodes.n1', start: true, title: '', linked: true, problems: [] });
    expect(g.nodes.find((n) => n.id === 'mixed-end')).toMatchObject({ kind: 'ending', outcome: 'mixed', title: 'Mixed', path: 'endings.mixed-end' });
    expect(g.edges).toHaveLength(21);
    expect(g.edges.find((e) => e.choice === 'c5-trusting')).toEqual({ from: 'n5', to: 'mixed-end', choice: 'c5-trusting', path: 'nodes.n5.choices.c5-trusting', label: 'Only with trust', condition: 'trust >= 50', recommended: false, problems: [] });
    expect(g.edges.find((e) => e.choice === 'c1-good')?.recommended).toBe(true);
  });

  it('places each problem of scenario.yaml on its node or ending; the others are general; translations are left out', () => {
    const problems = [problem('nodes.n3'), problem('nodes.n3.choices.c3-good'), problem('endings.good-end'), problem('principles'), problem('nodes'), problem('nodes.n4.text', 'content/scenarios/fixture/fr.yaml'), problem('nodes.ghost')];
    const g = scenarioGraph(raw(fixture()), problems);
    expect(g.nodes.find((n) => n.id === 'n3')?.problems.map((p) => p.where)).toEqual(['nodes.n3', 'nodes.n3.choices.c3-good']);
    expect(g.edges.find((e) => e.choice === 'c3-good')?.problems.map((p) => p.where)).toEqual(['nodes.n3.choices.c3-good']);
    expect(g.nodes.find((n) => n.id === 'good-end')?.problems).toHaveLength(1);
    expect(g.nodes.find((n) => n.id === 'n4')?.problems).toEqual([]);
    expect(g.general.map((p) => p.where)).toEqual(['principles', 'nodes', 'nodes.ghost']);
  });

  it('draws what the checks refuse: a missing target, a node the start never leads to, a half-typed choice', () => {
    const s = fixture();
    s.nodes.n2!.choices[0]!.next = 'nowhere';
    s.nodes.orphan = { text: 'Nobody comes here', choices: [{ label: 'half typed' } as never] };
    const g = scenarioGraph(raw(s));
    expect(g.nodes.find((n) => n.id === 'nowhere')).toMatchObject({ kind: 'missing', linked: true, path: '' });
    expect(g.nodes.find((n) => n.id === 'orphan')).toMatchObject({ kind: 'node', linked: false });
    expect(g.nodes.findIndex((n) => n.id === 'orphan')).toBeGreaterThan(g.nodes.findIndex((n) => n.id === 'good-end'));
    expect(g.edges.find((e) => e.from === 'orphan')).toMatchObject({ choice: 'choice 1', to: '', label: 'half typed' });
    expect(scenarioGraph({ nodes: 'not yet', endings: null, start: 3 })).toEqual({ nodes: [], edges: [], general: [] });
    expect(scenarioGraph({ start: 'a', nodes: { a: { choices: [{ id: 'x', next: 'a', condition: { any: [{ variable: 'trust' }] } }] } } }).edges[0]?.condition).toBe('trust ? ?');
  });

  it('lays the graph out from the start down to the endings, with no two boxes overlapping', () => {
    const g = scenarioGraph(raw(fixture()));
    const layout = layoutGraph(g);
    const boxes = g.nodes.map((n) => ({ id: n.id, ...layout.boxes[n.id]! }));
    expect(boxes.every((b) => b.width === nodeSize.width && b.height === nodeSize.height)).toBe(true);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
    }
    const y = (id: string) => layout.boxes[id]!.y;
    expect(y('n1')).toBeLessThan(y('n2'));
    expect(y('n10')).toBeLessThan(y('good-end'));
    expect(layout.lines).toHaveLength(g.edges.length);
    expect(layout.lines.every((line) => line.length >= 2)).toBe(true);
    // an edge starts at the bottom of its node's box and ends at the top of its target's
    const first = layout.lines[0]!;
    expect(first[0]!.y).toBeCloseTo(y('n1') + nodeSize.height, 0);
    expect(first.at(-1)!.y).toBeCloseTo(y(g.edges[0]!.to), 0);
  });

  it('lays out again only when ids or links change, not texts', () => {
    const s = fixture();
    const key = layoutKey(scenarioGraph(raw(s)));
    s.nodes.n1!.text = 'Another text';
    s.nodes.n1!.choices[0]!.label = 'Another label';
    expect(layoutKey(scenarioGraph(raw(s)))).toBe(key);
    s.nodes.n1!.choices[0]!.next = 'n3';
    expect(layoutKey(scenarioGraph(raw(s)))).not.toBe(key);
  });
});
