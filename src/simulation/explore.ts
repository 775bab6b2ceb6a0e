/**
 * The state space of a scenario: where a learner can be (a node or an ending) with which
 * variable values. Pure and synchronous (no DOM, no Node), so the build, `check:scenarios`
 * and the studio's live checks in the browser run the same exploration.
 *
 * 1. Exact: a breadth-first search over (node, variable values) states, packed into numbers,
 *    up to a state budget. When it finishes, every verdict is exact and each path is a
 *    shortest one.
 * 2. Past the budget: a breadth-first search that keeps a few value combinations per node
 *    (every path it finds is real, so whatever it reaches is reachable), and an
 *    over-approximation: for each node and variable, the set of values it could have on
 *    arrival (bitsets over min..max, iterated to a fixed point). What the over-approximation
 *    never reaches can never be reached; what lies between the two is reported as unproven.
 *
 * The XState machine (machine.ts) stays the runtime; this mirrors its rules (conditions from
 * conditionHolds, effects clamped as in applyEffects), which the unit tests replay on it.
 */
import { compare } from './rules.ts';
import type { Scenario } from './schema.ts';

export { compare };

/** The default number of (node, values) states explored exactly before falling back. */
export const defaultStateBudget = 250_000;

type Op = '<' | '<=' | '>' | '>=' | '==' | '!=';

interface Comparison { v: number; op: Op; value: number }

interface CompiledChoice {
  id: string;
  /** Index of the node it is offered at. */
  from: number;
  /** Index of the node or ending it leads to (nodes first, then endings). */
  to: number;
  condition: null | { any: boolean; comparisons: Comparison[] };
  effects: { v: number; delta: number }[];
}

/**
 * The values one variable can have at one place: a bitset over min..max.
 * @example const s = ValueSet.empty(0, 100); s.add(20); s.min() // 20
 */
export class ValueSet {
  readonly lo: number;
  readonly hi: number;
  readonly words: Uint32Array;
  constructor(lo: number, hi: number, words?: Uint32Array) {
    this.lo = lo;
    this.hi = hi;
    this.words = words ?? new Uint32Array(Math.ceil((hi - lo + 1) / 32));
  }
  static empty(lo: number, hi: number): ValueSet {
    return new ValueSet(lo, hi);
  }
  add(value: number): void {
    const i = value - this.lo;
    this.words[i >>> 5]! |= 1 << (i & 31);
  }
  has(value: number): boolean {
    if (value < this.lo || value > this.hi) return false;
    const i = value - this.lo;
    return (this.words[i >>> 5]! & (1 << (i & 31))) !== 0;
  }
  isEmpty(): boolean {
    return this.words.every((w) => w === 0);
  }
  /** Adds every value of another set; true when this set grew. */
  unionWith(other: ValueSet): boolean {
    let grew = false;
    for (let w = 0; w < this.words.length; w++) {
      const merged = this.words[w]! | other.words[w]!;
      if (merged !== this.words[w]) {
        this.words[w] = merged;
        grew = true;
      }
    }
    return grew;
  }
  copy(): ValueSet {
    return new ValueSet(this.lo, this.hi, this.words.slice());
  }
  values(): number[] {
    const out: number[] = [];
    for (let v = this.lo; v <= this.hi; v++) if (this.has(v)) out.push(v);
    return out;
  }
  min(): number | undefined {
    for (let v = this.lo; v <= this.hi; v++) if (this.has(v)) return v;
    return undefined;
  }
  max(): number | undefined {
    for (let v = this.hi; v >= this.lo; v--) if (this.has(v)) return v;
    return undefined;
  }
  /** The values that pass a test, as a new set. */
  filter(test: (value: number) => boolean): ValueSet {
    const out = ValueSet.empty(this.lo, this.hi);
    for (let v = this.lo; v <= this.hi; v++) if (this.has(v) && test(v)) out.add(v);
    return out;
  }
  /** Every value plus delta, clamped to lo..hi. */
  shifted(delta: number): ValueSet {
    const out = ValueSet.empty(this.lo, this.hi);
    for (let v = this.lo; v <= this.hi; v++) if (this.has(v)) out.add(Math.min(this.hi, Math.max(this.lo, v + delta)));
    return out;
  }
}

export interface ConcreteState {
  values: Record<string, number>;
  /** The choice ids that lead there from the start. */
  path: string[];
}

export interface Exploration {
  /** Every reachable state was explored: the verdicts are exact and the paths shortest. */
  exact: boolean;
  budget: number;
  statesExplored: number;
  /** Node and ending ids a real run reaches, each with a path (a shortest one when exact). */
  reached: Map<string, string[]>;
  /** Ids some run may reach; an id outside this set can never be reached. */
  possible: Set<string>;
  /** Nodes where a real run finds no choice available (the first such state per node). */
  deadEnds: Map<string, ConcreteState>;
  /** Nodes a real run reaches with values from which no ending can be reached (exact only). */
  traps: Map<string, ConcreteState>;
  /**
   * For each node id in `possible`: the values each variable can have on arrival. Exact when
   * `exact`; otherwise a superset of the real values (so "at most"/"never" statements hold).
   */
  values: Map<string, Record<string, ValueSet>>;
  /** Nodes (only when not exact) where the over-approximation allows a dead end, with an example. */
  unprovenDeadEnds: Map<string, Record<string, number>>;
  /** Choice ids a real run is offered (when exact: exactly the choices that can ever be offered). */
  offered: Set<string>;
}

interface Compiled {
  places: string[];
  nodeCount: number;
  variables: string[];
  lo: number[];
  hi: number[];
  initial: number[];
  choicesAt: CompiledChoice[][];
  start: number;
}

function compile(s: Scenario): Compiled {
  const nodeIds = Object.keys(s.nodes);
  const places = [...nodeIds, ...Object.keys(s.endings)];
  const index = new Map(places.map((p, i) => [p, i]));
  const variables = Object.keys(s.variables);
  const vIndex = new Map(variables.map((v, i) => [v, i]));
  const choicesAt = nodeIds.map((nodeId, from) =>
    s.nodes[nodeId]!.choices.map((c): CompiledChoice => ({
      id: c.id,
      from,
      to: index.get(c.next) ?? -1,
      condition: c.condition
        ? {
            any: 'any' in c.condition,
            comparisons: ('all' in c.condition ? c.condition.all : c.condition.any).map((x) => ({ v: vIndex.get(x.variable) ?? -1, op: x.op, value: x.value })),
          }
        : null,
      effects: Object.entries(c.effects).filter(([name]) => vIndex.has(name)).map(([name, delta]) => ({ v: vIndex.get(name)!, delta })),
    })),
  );
  return {
    places,
    nodeCount: nodeIds.length,
    variables,
    lo: variables.map((v) => s.variables[v]!.min),
    hi: variables.map((v) => s.variables[v]!.max),
    initial: variables.map((v) => s.variables[v]!.initial),
    choicesAt,
    start: index.get(s.start) ?? 0,
  };
}

/** Whether a choice's condition holds for concrete values (an unknown variable reads as 0, as in conditionHolds). */
function holds(choice: CompiledChoice, values: Int32Array | number[], offset: number): boolean {
  if (!choice.condition) return true;
  const test = (c: Comparison) => compare(c.op, c.v < 0 ? 0 : values[offset + c.v]!, c.value);
  return choice.condition.any ? choice.condition.comparisons.some(test) : choice.condition.comparisons.every(test);
}

/** A growable store of states: place, values, parent state and the choice taken from it. */
class StateStore {
  place: Int32Array;
  values: Int32Array;
  parent: Int32Array;
  via: Int32Array;
  size = 0;
  readonly width: number;
  constructor(width: number, capacity: number) {
    this.width = width;
    this.place = new Int32Array(capacity);
    this.values = new Int32Array(capacity * Math.max(1, width));
    this.parent = new Int32Array(capacity);
    this.via = new Int32Array(capacity);
  }
  push(place: number, values: Int32Array | number[], offset: number, parent: number, via: number): number {
    if (this.size === this.place.length) this.grow();
    const i = this.size++;
    this.place[i] = place;
    for (let k = 0; k < this.width; k++) this.values[i * this.width + k] = values[offset + k]!;
    this.parent[i] = parent;
    this.via[i] = via;
    return i;
  }
  private grow(): void {
    const cap = this.place.length * 2;
    const resize = (a: Int32Array, n: number) => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.place = resize(this.place, cap);
    this.values = resize(this.values, cap * Math.max(1, this.width));
    this.parent = resize(this.parent, cap);
    this.via = resize(this.via, cap);
  }
}

/** Packs (place, values) into one key: a number when it fits exactly, otherwise a string. */
function keyMaker(c: Compiled): (place: number, values: Int32Array | number[], offset: number) => number | string {
  const radix = c.variables.map((_, i) => c.hi[i]! - c.lo[i]! + 1);
  const total = radix.reduce((a, b) => a * b, 1) * c.places.length;
  if (total < Number.MAX_SAFE_INTEGER) {
    return (place, values, offset) => {
      let key = place;
      for (let k = 0; k < radix.length; k++) key = key * radix[k]! + (values[offset + k]! - c.lo[k]!);
      return key;
    };
  }
  return (place, values, offset) => {
    let key = String(place);
    for (let k = 0; k < radix.length; k++) key += `,${values[offset + k]}`;
    return key;
  };
}

interface SearchResult {
  store: StateStore;
  complete: boolean;
  /** Per choice (flat index): 1 when a state offered it. */
  offered: Uint8Array;
  /** Successor lists (CSR), recorded only when asked. */
  edges?: { start: Int32Array; to: number[] };
}

/**
 * Breadth-first search over states. Stops after `budget` states (complete = false), or keeps
 * at most `perPlace` states per place (an under-approximation that still covers the graph).
 */
function search(c: Compiled, choiceIds: string[], choiceIndex: Map<CompiledChoice, number>, budget: number, perPlace: number, recordEdges: boolean): SearchResult {
  const width = c.variables.length;
  const store = new StateStore(width, Math.min(budget, 1024));
  const seen = new Map<number | string, number>();
  const key = keyMaker(c);
  const perPlaceCount = new Int32Array(c.places.length);
  const edgeStart: number[] = [];
  const edgeTo: number[] = [];
  const scratch = new Int32Array(Math.max(1, width));
  const offered = new Uint8Array(choiceIds.length);
  store.push(c.start, c.initial, 0, -1, -1);
  seen.set(key(c.start, c.initial, 0), 0);
  perPlaceCount[c.start] = 1;
  let complete = true;
  for (let i = 0; i < store.size; i++) {
    const place = store.place[i]!;
    if (recordEdges) edgeStart.push(edgeTo.length);
    if (place >= c.nodeCount) continue;
    for (const choice of c.choicesAt[place]!) {
      if (choice.to < 0 || !holds(choice, store.values, i * width)) continue;
      offered[choiceIndex.get(choice)!] = 1;
      for (let k = 0; k < width; k++) scratch[k] = store.values[i * width + k]!;
      for (const { v, delta } of choice.effects) scratch[v] = Math.min(c.hi[v]!, Math.max(c.lo[v]!, scratch[v]! + delta));
      const k = key(choice.to, scratch, 0);
      let j = seen.get(k);
      if (j === undefined) {
        if (store.size >= budget) {
          complete = false;
          continue;
        }
        if (perPlaceCount[choice.to]! >= perPlace) continue;
        perPlaceCount[choice.to]!++;
        j = store.push(choice.to, scratch, 0, i, choiceIndex.get(choice)!);
        seen.set(k, j);
      }
      if (recordEdges) edgeTo.push(j);
    }
  }
  if (!recordEdges || !complete) return { store, complete, offered };
  edgeStart.push(edgeTo.length);
  return { store, complete, offered, edges: { start: Int32Array.from(edgeStart), to: edgeTo } };
}

function pathTo(store: StateStore, state: number, choiceIds: string[]): string[] {
  const path: string[] = [];
  for (let i = state; store.parent[i]! >= 0; i = store.parent[i]!) path.push(choiceIds[store.via[i]!]!);
  return path.reverse();
}

function valuesOf(c: Compiled, store: StateStore, state: number): Record<string, number> {
  return Object.fromEntries(c.variables.map((v, k) => [v, store.values[state * store.width + k]!]));
}

/** States from which no ending can be reached, by a backward search from the endings. */
function trappedStates(c: Compiled, store: StateStore, edges: { start: Int32Array; to: number[] }): Uint8Array {
  const n = store.size;
  const indegree = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) for (let e = edges.start[i]!; e < edges.start[i + 1]!; e++) indegree[edges.to[e]! + 1]!++;
  for (let i = 0; i < n; i++) indegree[i + 1]! += indegree[i]!;
  const reverse = new Int32Array(edges.to.length);
  const fill = indegree.slice(0, n);
  for (let i = 0; i < n; i++) for (let e = edges.start[i]!; e < edges.start[i + 1]!; e++) reverse[fill[edges.to[e]!]!++] = i;
  const canEnd = new Uint8Array(n);
  const queue: number[] = [];
  for (let i = 0; i < n; i++) if (store.place[i]! >= c.nodeCount) {
    canEnd[i] = 1;
    queue.push(i);
  }
  for (let q = 0; q < queue.length; q++) {
    const j = queue[q]!;
    for (let r = indegree[j]!; r < indegree[j + 1]!; r++) {
      const i = reverse[r]!;
      if (!canEnd[i]) {
        canEnd[i] = 1;
        queue.push(i);
      }
    }
  }
  return canEnd;
}

/** The values of each variable that can pass a condition, per variable (non-relational, so a superset). */
export function restrictByCondition(
  sets: readonly ValueSet[],
  condition: CompiledChoice['condition'],
): ValueSet[] | null {
  if (!condition) return sets.map((s) => s);
  const restrict = (base: readonly ValueSet[], comparison: Comparison): ValueSet[] | null => {
    if (comparison.v < 0) return compare(comparison.op, 0, comparison.value) ? [...base] : null;
    const narrowed = base[comparison.v]!.filter((x) => compare(comparison.op, x, comparison.value));
    if (narrowed.isEmpty()) return null;
    const out = [...base];
    out[comparison.v] = narrowed;
    return out;
  };
  if (!condition.any) {
    let current: ValueSet[] | null = [...sets];
    for (const comparison of condition.comparisons) {
      current = restrict(current, comparison);
      if (!current) return null;
    }
    return current;
  }
  let union: ValueSet[] | null = null;
  for (const comparison of condition.comparisons) {
    const one = restrict(sets, comparison);
    if (!one) continue;
    if (!union) union = one.map((s) => s.copy());
    else one.forEach((s, k) => union![k]!.unionWith(s));
  }
  return union;
}

/** For each node: the values each variable could have on arrival (a fixed point over bitsets). */
function overApproximate(c: Compiled): (ValueSet[] | undefined)[] {
  const at: (ValueSet[] | undefined)[] = new Array(c.places.length);
  at[c.start] = c.variables.map((_, k) => {
    const s = ValueSet.empty(c.lo[k]!, c.hi[k]!);
    s.add(c.initial[k]!);
    return s;
  });
  const queue = [c.start];
  const queued = new Uint8Array(c.places.length);
  queued[c.start] = 1;
  for (let head = 0; head < queue.length; head++) {
    const place = queue[head]!;
    queued[place] = 0;
    if (place >= c.nodeCount) continue;
    const sets = at[place]!;
    for (const choice of c.choicesAt[place]!) {
      if (choice.to < 0) continue;
      const passing = restrictByCondition(sets, choice.condition);
      if (!passing) continue;
      const after = passing.map((s) => s);
      for (const { v, delta } of choice.effects) after[v] = after[v]!.shifted(delta);
      let grew = false;
      if (!at[choice.to]) {
        at[choice.to] = after.map((s) => s.copy());
        grew = true;
      } else {
        at[choice.to]!.forEach((s, k) => {
          if (s.unionWith(after[k]!)) grew = true;
        });
      }
      if (grew && !queued[choice.to] && choice.to < c.nodeCount) {
        queued[choice.to] = 1;
        queue.push(choice.to);
      }
    }
  }
  return at;
}

/**
 * An example of values, within the over-approximated sets, for which no choice at the node
 * is available; undefined when every combination offers a choice (the node is proven never
 * to be a dead end). Only the thresholds the node's conditions compare with matter, so each
 * variable is tried at one value per interval between thresholds.
 */
function possibleDeadEnd(c: Compiled, place: number, sets: readonly ValueSet[]): Record<string, number> | undefined {
  const choices = c.choicesAt[place]!;
  if (choices.some((ch) => !ch.condition)) return undefined;
  const involved = [...new Set(choices.flatMap((ch) => ch.condition!.comparisons.map((x) => x.v)).filter((v) => v >= 0))];
  const candidates = involved.map((v) => {
    const tests = choices.flatMap((ch) => ch.condition!.comparisons.filter((x) => x.v === v));
    const byClass = new Map<string, number>();
    for (const value of sets[v]!.values()) {
      const signature = tests.map((t) => (compare(t.op, value, t.value) ? '1' : '0')).join('');
      if (!byClass.has(signature)) byClass.set(signature, value);
    }
    return [...byClass.values()];
  });
  const combinations = candidates.reduce((n, list) => n * list.length, 1);
  const values = c.initial.slice();
  if (combinations > 100_000) {
    // too many to try: report the first values as an example of what could not be checked
    involved.forEach((v, k) => (values[v] = candidates[k]![0]!));
    return Object.fromEntries(c.variables.map((name, k) => [name, values[k]!]));
  }
  const pick = new Array<number>(involved.length).fill(0);
  for (let n = 0; n < combinations; n++) {
    let rest = n;
    involved.forEach((v, k) => {
      const list = candidates[k]!;
      pick[k] = rest % list.length;
      rest = Math.floor(rest / list.length);
      values[v] = list[pick[k]!]!;
    });
    if (!choices.some((ch) => holds(ch, values, 0))) return Object.fromEntries(c.variables.map((name, k) => [name, values[k]!]));
  }
  return undefined;
}

/**
 * Explores a scenario's states within a budget (see the file comment). Expects a scenario
 * whose targets exist and whose start is a node (the analysis checks these first).
 * @example exploreScenario(scenario).reached.has('safe-care') // true when a run can end there
 */
export function exploreScenario(s: Scenario, options: { stateBudget?: number } = {}): Exploration {
  const budget = Math.max(1, options.stateBudget ?? defaultStateBudget);
  const c = compile(s);
  const allChoices = c.choicesAt.flat();
  const choiceIds = allChoices.map((ch) => ch.id);
  const choiceIndex = new Map(allChoices.map((ch, i) => [ch, i]));
  const width = c.variables.length;

  const exactRun = search(c, choiceIds, choiceIndex, budget, Number.POSITIVE_INFINITY, true);
  const runs = [exactRun];
  if (!exactRun.complete) {
    const perPlace = Math.max(4, Math.floor(budget / Math.max(1, c.places.length)));
    runs.push(search(c, choiceIds, choiceIndex, budget, perPlace, false));
  }
  const exact = exactRun.complete;

  const reached = new Map<string, string[]>();
  const deadEnds = new Map<string, ConcreteState>();
  for (const { store } of runs) {
    for (let i = 0; i < store.size; i++) {
      const place = store.place[i]!;
      const id = c.places[place]!;
      if (!reached.has(id)) reached.set(id, pathTo(store, i, choiceIds));
      if (place < c.nodeCount && !deadEnds.has(id) && !c.choicesAt[place]!.some((ch) => ch.to >= 0 && holds(ch, store.values, i * width))) {
        deadEnds.set(id, { values: valuesOf(c, store, i), path: pathTo(store, i, choiceIds) });
      }
    }
  }

  const traps = new Map<string, ConcreteState>();
  const values = new Map<string, Record<string, ValueSet>>();
  const unprovenDeadEnds = new Map<string, Record<string, number>>();
  let possible: Set<string>;
  if (exact) {
    const { store, edges } = exactRun;
    const canEnd = trappedStates(c, store, edges!);
    const sets: (ValueSet[] | undefined)[] = new Array(c.places.length);
    for (let i = 0; i < store.size; i++) {
      const place = store.place[i]!;
      const id = c.places[place]!;
      sets[place] ??= c.variables.map((_, k) => ValueSet.empty(c.lo[k]!, c.hi[k]!));
      for (let k = 0; k < width; k++) sets[place]![k]!.add(store.values[i * width + k]!);
      if (!canEnd[i] && !deadEnds.has(id) && !traps.has(id)) traps.set(id, { values: valuesOf(c, store, i), path: pathTo(store, i, choiceIds) });
    }
    sets.forEach((list, place) => list && values.set(c.places[place]!, Object.fromEntries(c.variables.map((v, k) => [v, list[k]!]))));
    possible = new Set(reached.keys());
  } else {
    const sets = overApproximate(c);
    possible = new Set();
    sets.forEach((list, place) => {
      if (!list) return;
      const id = c.places[place]!;
      possible.add(id);
      values.set(id, Object.fromEntries(c.variables.map((v, k) => [v, list[k]!])));
      if (place < c.nodeCount && !deadEnds.has(id)) {
        const example = possibleDeadEnd(c, place, list);
        if (example) unprovenDeadEnds.set(id, example);
      }
    });
    // a real run is the proof: anything reached is possible (guards against a gap in the approximation)
    for (const id of reached.keys()) possible.add(id);
  }

  const offered = new Set<string>();
  for (const run of runs) run.offered.forEach((flag, i) => flag && offered.add(choiceIds[i]!));
  return {
    exact,
    budget,
    offered,
    statesExplored: runs.reduce((n, r) => n + r.store.size, 0),
    reached,
    possible,
    deadEnds,
    traps,
    values,
    unprovenDeadEnds,
  };
}
