import dagre from '@dagrejs/dagre';
import { edgesOf, nodeLabel, type GorchGraph } from './model';

export const NODE_WIDTH = 150;
export const NODE_HEIGHT = 46;
/** Above this many nodes dagre's full layout takes too long: the graph is placed by layers alone (the summary view). */
export const FULL_LAYOUT_LIMIT = 1000;
/**
 * Up to this many nodes dagre ranks with network simplex (the tidiest layers); above, with its tight-tree ranker, which
 * costs a fraction of it on graphs of hundreds of nodes and gives layers as good for left-to-right reading.
 */
export const NETWORK_SIMPLEX_LIMIT = 300;

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
  /** 'full': dagre's layered layout with routed edges; 'summary': layers only, straight edges. */
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
    ranker: input.nodes.length <= NETWORK_SIMPLEX_LIMIT ? 'network-simplex' : 'tight-tree' });
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
 * Layers by longest path from the roots (nodes on a cycle go last), each layer a column in id order; edges are straight.
 * Linear in nodes and edges, so ten thousand nodes take milliseconds.
 */
export function summaryLayout(input: LayoutInput): Layout {
  const rank = ranks(input);
  const columns = new Map<number, number[]>();
  for (const node of input.nodes) {
    const r = rank.get(node.id) ?? 0;
    const column = columns.get(r) ?? [];
    column.push(node.id);
    columns.set(r, column);
  }
  const gapX = 48;
  const gapY = 12;
  const nodes = new Map<number, Box>();
  let height = 0;
  for (const [r, ids] of columns) {
    ids.forEach((id, row) => {
      nodes.set(id, { x: 16 + r * (NODE_WIDTH + gapX), y: 16 + row * (NODE_HEIGHT + gapY), width: NODE_WIDTH, height: NODE_HEIGHT });
    });
    height = Math.max(height, 32 + ids.length * (NODE_HEIGHT + gapY));
  }
  const width = 32 + columns.size * (NODE_WIDTH + gapX);
  const edges = input.edges.map((edge) => {
    const a = nodes.get(edge.from)!;
    const b = nodes.get(edge.to)!;
    return { ...edge, points: [{ x: a.x + a.width, y: a.y + a.height / 2 }, { x: b.x, y: b.y + b.height / 2 }] };
  });
  return { nodes, edges, width, height, kind: 'summary' };
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
