import dagre from '@dagrejs/dagre';
import { edgesOf, nodeLabel, type GorchGraph } from './model';

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 46;
/**
 * Up to this many nodes dagre lays the graph out (layered, edges routed around nodes). Its crossing minimisation grows
 * much faster than the graph: above this, the console places nodes itself by layers with a few barycenter sweeps,
 * linear in the graph per sweep (the summary layout), which draws a thousand nodes in a fraction of dagre's time.
 */
export const FULL_LAYOUT_LIMIT = 300;
/** Up to this many nodes the graph is an SVG of focusable nodes; above, a canvas (the summary view). */
export const SVG_LIMIT = 2000;

/** What the layout is computed from: node boxes and edges, by node id, and nothing that changes while the run goes on. */
export interface LayoutInput {
  nodes: Array<{ id: number; label: string; width: number; height: number }>;
  edges: Array<{ from: number; to: number }>;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  nodes: Map<number, Box>;
  edges: Array<{ from: number; to: number; points: Array<{ x: number; y: number }> }>;
  width: number;
  height: number;
  /** 'full': dagre's layered layout with routed edges; 'summary': the console's own layers, straight edges. */
  kind: 'full' | 'summary';
}

/** The layout input of a document: one box per node, one edge per pair, edges to unknown nodes left out. */
export function layoutInput(graph: GorchGraph): LayoutInput {
  const ids = new Set(graph.nodes.map((n) => n.id));
  return {
    nodes: graph.nodes.map((n) => ({ id: n.id, label: nodeLabel(n), width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges: edgesOf(graph)
      .filter(([from, to]) => ids.has(from) && ids.has(to))
      .map(([from, to]) => ({ from, to })),
  };
}

/** Layered left to right, as the seed's dot pictures were. */
export function layout(input: LayoutInput): Layout {
  return input.nodes.length <= FULL_LAYOUT_LIMIT ? fullLayout(input) : summaryLayout(input);
}

function fullLayout(input: LayoutInput): Layout {
  const g = new dagre.graphlib.Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 16, ranksep: 48, marginx: 16, marginy: 16,
  });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of input.nodes) {
    g.setNode(String(node.id), { width: node.width, height: node.height });
  }
  for (const edge of input.edges) {
    g.setEdge(String(edge.from), String(edge.to));
  }
  dagre.layout(g);
  const nodes = new Map<number, Box>();
  for (const node of input.nodes) {
    const placed = g.node(String(node.id));
    nodes.set(node.id, { x: placed.x - node.width / 2, y: placed.y - node.height / 2, width: node.width, height: node.height });
  }
  const edges = input.edges.map((edge) => ({
    ...edge,
    points: (g.edge(String(edge.from), String(edge.to))?.points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })),
  }));
  const size = g.graph();
  return { nodes, edges, width: size.width ?? 0, height: size.height ?? 0, kind: 'full' };
}

/**
 * Layers by longest path from the roots (nodes on a cycle go last), each layer a column ordered by a few barycenter
 * sweeps (a node moves towards the mean row of its neighbours in the layer before, then after), columns centred;
 * edges are straight.
 */
export function summaryLayout(input: LayoutInput): Layout {
  const rank = ranks(input);
  const layers: number[][] = [];
  for (const node of input.nodes) {
    const r = rank.get(node.id) ?? 0;
    (layers[r] ??= []).push(node.id);
  }
  const columns = layers.filter((layer) => layer !== undefined);
  orderBySweeps(columns, input.edges);
  const gapX = 48;
  const gapY = 12;
  const tallest = Math.max(0, ...columns.map((c) => c.length));
  const nodes = new Map<number, Box>();
  columns.forEach((ids, column) => {
    const offset = ((tallest - ids.length) * (NODE_HEIGHT + gapY)) / 2;
    ids.forEach((id, row) => {
      nodes.set(id, { x: 16 + column * (NODE_WIDTH + gapX), y: 16 + offset + row * (NODE_HEIGHT + gapY), width: NODE_WIDTH, height: NODE_HEIGHT });
    });
  });
  const edges = input.edges.map((edge) => {
    const a = nodes.get(edge.from)!;
    const b = nodes.get(edge.to)!;
    return { ...edge, points: [{ x: a.x + a.width, y: a.y + a.height / 2 }, { x: b.x, y: b.y + b.height / 2 }] };
  });
  return { nodes, edges, width: 32 + columns.length * (NODE_WIDTH + gapX), height: 32 + tallest * (NODE_HEIGHT + gapY), kind: 'summary' };
}

const SWEEPS = 4;

/** Reorders each column in place to reduce crossings: down sweeps by predecessors, up sweeps by successors. */
function orderBySweeps(columns: number[][], edges: LayoutInput['edges']): void {
  const before = new Map<number, number[]>();
  const after = new Map<number, number[]>();
  for (const { from, to } of edges) {
    (after.get(from) ?? after.set(from, []).get(from)!).push(to);
    (before.get(to) ?? before.set(to, []).get(to)!).push(from);
  }
  const row = new Map<number, number>();
  columns.forEach((ids) => ids.forEach((id, i) => row.set(id, i)));
  const sort = (ids: number[], neighbours: Map<number, number[]>) => {
    const weight = new Map<number, number>();
    for (const id of ids) {
      const placed = (neighbours.get(id) ?? []).map((n) => row.get(n)!);
      weight.set(id, placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : row.get(id)!);
    }
    ids.sort((a, b) => weight.get(a)! - weight.get(b)! || row.get(a)! - row.get(b)!);
    ids.forEach((id, i) => row.set(id, i));
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let c = 1; c < columns.length; c++) sort(columns[c], before);
    for (let c = columns.length - 2; c >= 0; c--) sort(columns[c], after);
  }
}

/** Longest-path layer of each node (Kahn's order); nodes left over by a cycle get the layer after the last. */
export function ranks(input: LayoutInput): Map<number, number> {
  const indegree = new Map<number, number>(input.nodes.map((n) => [n.id, 0]));
  const successors = new Map<number, number[]>();
  for (const { from, to } of input.edges) {
    indegree.set(to, (indegree.get(to) ?? 0) + 1);
    const out = successors.get(from);
    if (out) {
      out.push(to);
    } else {
      successors.set(from, [to]);
    }
  }
  const rank = new Map<number, number>();
  const queue = input.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  queue.forEach((id) => rank.set(id, 0));
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    for (const next of successors.get(id) ?? []) {
      rank.set(next, Math.max(rank.get(next) ?? 0, rank.get(id)! + 1));
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) {
        queue.push(next);
      }
    }
  }
  const last = Math.max(0, ...rank.values()) + 1;
  for (const node of input.nodes) {
    if (indegree.get(node.id)! > 0) {
      rank.set(node.id, last);
    }
  }
  return rank;
}
