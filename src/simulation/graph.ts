/**
 * A scenario as a graph for the studio: its nodes and endings, its choices as edges, the
 * problems of the checks placed on the node or ending they name, and a layout computed by dagre
 * (@dagrejs/dagre: layered drawing of a directed graph, the usual way to draw a flow from a
 * start to its endings). Read from the document as typed, so a draft that does not pass the
 * checks yet is still drawn (a choice to a target that does not exist leads to a "missing" box).
 * Pure: no DOM; the studio's graph and outline views use it.
 */
import { Graph, layout } from '@dagrejs/dagre';
import { describeCondition } from './analysis.ts';
import type { Condition, ScenarioProblem } from './schema.ts';

export type Outcome = 'good' | 'mixed' | 'harmful';

export interface GraphNode {
  id: string;
  /** A node with choices, an ending, or a target that some choice names but that does not exist. */
  kind: 'node' | 'ending' | 'missing';
  /** Where it is edited: "nodes.<id>" or "endings.<id>" ('' for a missing target). */
  path: string;
  start: boolean;
  /** The node's speaker or the ending's title ('' when none). */
  title: string;
  outcome?: Outcome;
  /** Reached from the start by following choices (conditions aside). */
  linked: boolean;
  /** The checks' problems about it or its choices (scenario.yaml; translations are the Translate tab's). */
  problems: ScenarioProblem[];
}

export interface GraphEdge {
  from: string;
  to: string;
  /** The choice's id (or its place, "choice 2", while it has none). */
  choice: string;
  /** Where it is edited: "nodes.<from>.choices.<id>". */
  path: string;
  label: string;
  /** The condition in words, e.g. "trust >= 40 and risk < 50", when there is one. */
  condition?: string;
  recommended: boolean;
  problems: ScenarioProblem[];
}

export interface ScenarioGraph {
  /** From the start, in the order a reader follows the choices; then what the start does not lead to. */
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Problems of scenario.yaml that name no node or ending (title, principles, "needs a good ending"...). */
  general: ScenarioProblem[];
}

type Tree = Record<string, unknown>;
const isTree = (v: unknown): v is Tree => v !== null && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** A condition as typed, in the words of the checks (a half-typed part shows "?"). */
function conditionText(condition: unknown): string | undefined {
  if (!isTree(condition)) return undefined;
  const key = Array.isArray(condition.all) ? 'all' : Array.isArray(condition.any) ? 'any' : undefined;
  if (!key) return undefined;
  const parts = (condition[key] as unknown[]).map((c) => {
    const part = isTree(c) ? c : {};
    return { variable: text(part.variable) || '?', op: text(part.op) || '?', value: (typeof part.value === 'number' ? part.value : '?') as number };
  });
  return describeCondition((key === 'all' ? { all: parts } : { any: parts }) as Condition);
}

/** Whether a problem comes from the structure (scenario.yaml) rather than a translation. */
const structural = (p: ScenarioProblem) => !/\/[a-z]{2}\.yaml$/.test(p.file);

/**
 * The graph of a scenario document's structure (the data of scenario.yaml) with the problems
 * of the checks placed on it.
 * @example scenarioGraph({ start: 'a', nodes: { a: { choices: [{ id: 'x', next: 'end' }] } }, endings: { end: { outcome: 'good' } } }, []).edges // [{ from: 'a', to: 'end', choice: 'x', ... }]
 */
export function scenarioGraph(scenario: Record<string, unknown>, problems: readonly ScenarioProblem[] = []): ScenarioGraph {
  const nodes = isTree(scenario.nodes) ? scenario.nodes : {};
  const endings = isTree(scenario.endings) ? scenario.endings : {};
  const start = text(scenario.start);
  const edges: GraphEdge[] = [];
  const found = new Map<string, GraphNode>();
  const own = problems.filter(structural);
  const at = (prefix: string) => own.filter((p) => p.where === prefix || p.where.startsWith(`${prefix}.`));

  for (const [id, raw] of Object.entries(nodes)) {
    const node = isTree(raw) ? raw : {};
    const choices = Array.isArray(node.choices) ? node.choices : [];
    choices.forEach((c, i) => {
      const choice = isTree(c) ? c : {};
      const choiceId = text(choice.id) || `choice ${i + 1}`;
      const path = `nodes.${id}.choices.${choiceId}`;
      const condition = conditionText(choice.condition);
      edges.push({
        from: id,
        to: text(choice.next),
        choice: choiceId,
        path,
        label: text(choice.label),
        ...(condition ? { condition } : {}),
        recommended: choice.recommended === true,
        problems: text(choice.id) ? at(path) : [],
      });
    });
    found.set(id, { id, kind: 'node', path: `nodes.${id}`, start: id === start, title: text(node.speaker), linked: false, problems: at(`nodes.${id}`) });
  }
  for (const [id, raw] of Object.entries(endings)) {
    if (found.has(id)) continue; // "both a node and an ending": the checks say so; drawn once
    const ending = isTree(raw) ? raw : {};
    const outcome = ['good', 'mixed', 'harmful'].includes(text(ending.outcome)) ? (ending.outcome as Outcome) : undefined;
    found.set(id, { id, kind: 'ending', path: `endings.${id}`, start: false, title: text(ending.title), ...(outcome ? { outcome } : {}), linked: false, problems: at(`endings.${id}`) });
  }
  for (const e of edges) {
    if (!found.has(e.to)) found.set(e.to, { id: e.to, kind: 'missing', path: '', start: false, title: '', linked: false, problems: [] });
  }

  // the reading order: breadth first from the start along the choices, then the rest as written
  const order: string[] = [];
  const queue = found.has(start) ? [start] : [];
  const seen = new Set(queue);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    order.push(id);
    found.get(id)!.linked = true;
    for (const e of edges) {
      if (e.from === id && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  for (const id of found.keys()) if (!seen.has(id)) order.push(id);

  const placed = new Set([...found.values()].flatMap((n) => (n.path ? [n.path] : [])));
  const general = own.filter((p) => {
    const [kind, id] = p.where.split('.');
    return !((kind === 'nodes' || kind === 'endings') && id !== undefined && placed.has(`${kind}.${id}`));
  });
  return { nodes: order.map((id) => found.get(id)!), edges, general };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GraphLayout {
  width: number;
  height: number;
  /** The top-left corner and size of each node's box, by id. */
  boxes: Record<string, Box>;
  /** The points of each edge's line, in the order of `graph.edges`. */
  lines: { x: number; y: number }[][];
}

export const nodeSize = { width: 184, height: 68 } as const;

/**
 * Positions for every node and a line for every edge, from the start at the top down to the
 * endings, with no two boxes overlapping.
 * @example layoutGraph(scenarioGraph(doc.scenario)).boxes.arrival // { x: 10, y: 10, width: 184, height: 68 }
 */
export function layoutGraph(graph: Pick<ScenarioGraph, 'nodes' | 'edges'>, size: { width: number; height: number } = nodeSize): GraphLayout {
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 56, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) g.setNode(n.id, { width: size.width, height: size.height });
  graph.edges.forEach((e, i) => {
    if (g.hasNode(e.from) && g.hasNode(e.to)) g.setEdge(e.from, e.to, {}, `${i}`);
  });
  layout(g);
  const boxes: Record<string, Box> = {};
  for (const n of graph.nodes) {
    const placed = g.node(n.id) as { x: number; y: number; width: number; height: number };
    boxes[n.id] = { x: placed.x - placed.width / 2, y: placed.y - placed.height / 2, width: placed.width, height: placed.height };
  }
  const lines = graph.edges.map((e, i) => ((g.edge({ v: e.from, w: e.to, name: `${i}` }) as { points?: { x: number; y: number }[] } | undefined)?.points ?? []).map((p) => ({ x: p.x, y: p.y })));
  const label = g.graph() as { width?: number; height?: number };
  return { width: Math.ceil(label.width ?? 0), height: Math.ceil(label.height ?? 0), boxes, lines };
}

/**
 * What decides where things go (ids and links, not texts), so a layout is computed again only
 * when that changes, not at every letter typed.
 */
export function layoutKey(graph: Pick<ScenarioGraph, 'nodes' | 'edges'>): string {
  return JSON.stringify([graph.nodes.map((n) => n.id), graph.edges.map((e) => [e.from, e.to])]);
}
