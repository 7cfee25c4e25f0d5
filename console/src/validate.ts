import { edgesOf, type GorchGraph } from './model';

export interface Violation {
  field: string;
  message: string;
}

/** What the console can tell from a pasted document before the API checks it: whether it parses, and its cycle. */
export type Parsed = { ok: true; graph: GorchGraph } | { ok: false; violation: Violation };

export function parseDocument(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, violation: { field: 'document', message: `not JSON: ${(error as Error).message}` } };
  }
  if (typeof value !== 'object' || value === null || !Array.isArray((value as GorchGraph).nodes)) {
    return { ok: false, violation: { field: 'nodes', message: 'a gorch document is a JSON object with a nodes array' } };
  }
  const graph = value as GorchGraph;
  const bad = graph.nodes.findIndex((n) => typeof n !== 'object' || n === null || typeof n.id !== 'number');
  if (bad >= 0) {
    return { ok: false, violation: { field: `nodes[${bad}].id`, message: 'every node needs a numeric id' } };
  }
  return { ok: true, graph };
}

/** The nodes of one cycle in edge order (empty when there is none), so the console can highlight it. */
export function findCycle(graph: GorchGraph): number[] {
  const successors = new Map<number, number[]>();
  for (const [from, to] of edgesOf(graph)) {
    const out = successors.get(from);
    if (out) {
      out.push(to);
    } else {
      successors.set(from, [to]);
    }
  }
  const state = new Map<number, 1 | 2>(); // 1: on the current path, 2: done
  const path: number[] = [];
  for (const start of graph.nodes.map((n) => n.id)) {
    if (state.has(start)) {
      continue;
    }
    // iterative depth-first search: a long chain must not overflow the stack
    const stack: Array<{ id: number; next: number }> = [{ id: start, next: 0 }];
    state.set(start, 1);
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const out = successors.get(top.id) ?? [];
      if (top.next >= out.length) {
        state.set(top.id, 2);
        path.pop();
        stack.pop();
        continue;
      }
      const next = out[top.next++];
      if (state.get(next) === 1) {
        return path.slice(path.indexOf(next));
      }
      if (!state.has(next)) {
        state.set(next, 1);
        path.push(next);
        stack.push({ id: next, next: 0 });
      }
    }
  }
  return [];
}

/**
 * The node a violation of the API is about, from its field ("nodes[3].engine" is the node at index 3) or, for a cycle
 * or reference, from the node names its message quotes; undefined for one about the whole document.
 */
export function nodesOfViolation(graph: GorchGraph, violation: Violation): number[] {
  const indexed = /^nodes\[(\d+)\]/.exec(violation.field);
  if (indexed) {
    const node = graph.nodes[Number(indexed[1])];
    return node ? [node.id] : [];
  }
  const byId = /^nodes\/(\d+)/.exec(violation.field);
  if (byId) {
    return [Number(byId[1])];
  }
  if (/cycle/.test(violation.message)) {
    const names = violation.message.replace(/^.*cycle:\s*/, '').split(/\s*->\s*/);
    return graph.nodes.filter((n) => names.includes(n.name ?? String(n.id))).map((n) => n.id);
  }
  return [];
}
