/** A gorch document as the API shows it (GET /v1/tasks/{id}); only the fields the console uses. */
export interface Attempt {
  attempt?: number;
  state?: number;
  start_date?: string;
  stop_date?: string;
  exit_code?: number;
  message?: string;
  worker?: string;
  [key: string]: unknown;
}

export interface GorchNode {
  id: number;
  name?: string;
  state?: number;
  state_name?: string;
  engine?: string;
  artifact?: string;
  args?: string[] | null;
  target?: string;
  output?: Record<string, string> | null;
  attempt?: number;
  start_date?: string;
  stop_date?: string;
  exit_code?: number;
  message?: string;
  worker?: string;
  attempts?: Attempt[];
  [key: string]: unknown;
}

export interface GorchGraph {
  id?: string;
  name?: string;
  state?: number;
  state_name?: string;
  start_date?: string;
  stop_date?: string;
  digraph?: number[] | null;
  edges?: number[][] | null;
  nodes: GorchNode[];
  [key: string]: unknown;
}

/** The graph's edges as [from, to] pairs, whichever form the document uses (digraph[r*n + c] != 0 is r → c). */
export function edgesOf(graph: GorchGraph): Array<[number, number]> {
  if (Array.isArray(graph.edges)) {
    return graph.edges.filter((e) => Array.isArray(e) && e.length === 2).map((e) => [e[0], e[1]]);
  }
  const matrix = graph.digraph ?? [];
  const n = Math.round(Math.sqrt(matrix.length));
  const edges: Array<[number, number]> = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (matrix[r * n + c]) {
        edges.push([r, c]);
      }
    }
  }
  return edges;
}

/** A display name: the node's name, else its id. */
export function nodeLabel(node: GorchNode): string {
  return node.name && node.name.length > 0 ? node.name : String(node.id);
}

/**
 * The node's args with each get_attribute reference resolved from the outputs of the node it names, as the
 * conductor does ("ip=get_attribute d:ip_address" becomes "ip=10.0.0.5"); unresolved ones are left as written.
 */
export function resolvedArgs(graph: GorchGraph, node: GorchNode): Array<{ arg: string; resolved?: string }> {
  const form = /^(?:([A-Za-z_][A-Za-z0-9_]*)=)?get_attribute\s+([^:\s]+):(\S+)\s*$/;
  return (node.args ?? []).map((arg) => {
    const match = form.exec(arg);
    if (!match) {
      return { arg };
    }
    const [, key, ref, output] = match;
    const source = graph.nodes.find((n) => n.name === ref || String(n.id) === ref);
    const value = source?.output?.[output];
    if (value === undefined || value === '') {
      return { arg };
    }
    return { arg, resolved: key ? `${key}=${value}` : value };
  });
}
