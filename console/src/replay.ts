import type { GorchGraph, GorchNode } from './model';

/** A workflow CloudEvent as GET /v1/tasks/{id}/events (and gorch.workflow-events) carries it. */
export interface CloudEvent {
  id: string;
  type: string;
  subject?: string;
  time?: string;
  data?: unknown;
}

/**
 * A run as the console shows it, kept up to date by its events with the rule of the Java WorkflowReplay: events apply in
 * order, each node event carries the whole node, and an event already applied (same CloudEvents id) or older than what
 * the run already shows for that node or for the graph (stale) changes nothing.
 */
export interface RunState {
  graph: GorchGraph | null;
  readonly applied: Set<string>;
  /** Per node id, the time (ms) of what the run shows for it. */
  readonly nodeTimes: Map<number, number>;
  graphTime: number;
}

const PREFIX = 'org.gorchestrator.';

/** An empty run, waiting for its workflow.submitted event. */
export function emptyRun(): RunState {
  return { graph: null, applied: new Set(), nodeTimes: new Map(), graphTime: -Infinity };
}

/** A run as a read of the document shows it; events older than its dates change nothing. */
export function runOf(document: GorchGraph): RunState {
  const state = emptyRun();
  state.graph = structuredClone(document);
  for (const node of document.nodes) {
    state.nodeTimes.set(node.id, latest(node.stop_date, node.start_date));
  }
  state.graphTime = latest(document.stop_date, document.start_date);
  return state;
}

/** The event's short name: 'node.succeeded' for 'org.gorchestrator.node.succeeded.v1'. */
export function eventName(type: string): string {
  const name = type.startsWith(PREFIX) ? type.slice(PREFIX.length) : type;
  return name.replace(/\.v\d+$/, '');
}

/** Applies the event to the run; returns whether anything changed. */
export function applyEvent(run: RunState, event: CloudEvent): boolean {
  if (run.applied.has(event.id)) {
    return false;
  }
  const name = eventName(event.type);
  const at = event.time ? Date.parse(event.time) : -Infinity;
  let changed = false;
  if (name === 'workflow.submitted') {
    changed = submitted(run, event.data as GorchGraph, at);
  } else if (name.startsWith('node.')) {
    changed = nodeChanged(run, event.data as GorchNode, at);
  } else if (name.startsWith('workflow.')) {
    changed = graphChanged(run, name, event.data as { state: number }, at);
  }
  run.applied.add(event.id);
  return changed;
}

/** The conductor starts from the nodes' definitions, all waiting to run. A second submitted event changes nothing. */
function submitted(run: RunState, document: GorchGraph, at: number): boolean {
  if (run.graph !== null || !document || !Array.isArray(document.nodes)) {
    return false;
  }
  const graph = structuredClone(document);
  graph.nodes = graph.nodes.map((node) => ({ ...definition(node), state: 1, state_name: 'torun' }));
  graph.state = 0;
  graph.state_name = 'initial';
  run.graph = graph;
  run.graphTime = at;
  return true;
}

function nodeChanged(run: RunState, node: GorchNode, at: number): boolean {
  if (run.graph === null || !node || typeof node.id !== 'number') {
    return false;
  }
  const known = run.nodeTimes.get(node.id) ?? -Infinity;
  if (at < known) {
    return false;
  }
  const index = run.graph.nodes.findIndex((n) => n.id === node.id);
  if (index < 0) {
    return false;
  }
  run.graph.nodes[index] = node;
  run.nodeTimes.set(node.id, at);
  return true;
}

function graphChanged(run: RunState, name: string, data: { state: number }, at: number): boolean {
  if (run.graph === null || !data || typeof data.state !== 'number' || at < run.graphTime) {
    return false;
  }
  const graph = run.graph;
  graph.state = data.state;
  if (name === 'workflow.started' || name === 'workflow.rerun') {
    graph.start_date = graph.start_date ?? new Date(at).toISOString();
    delete graph.stop_date;
  } else if (name === 'workflow.finished') {
    graph.stop_date = new Date(at).toISOString();
  }
  run.graphTime = at;
  return true;
}

function definition(node: GorchNode): GorchNode {
  const { id, name, engine, artifact, args, target, output, timeout, retry } = node;
  const outputs = output ? Object.fromEntries(Object.keys(output).map((key) => [key, ''])) : output;
  return { id, name, engine, artifact, args, target, output: outputs, timeout, retry } as GorchNode;
}

function latest(...dates: Array<string | undefined>): number {
  const times = dates.filter((d): d is string => !!d).map((d) => Date.parse(d));
  return times.length === 0 ? -Infinity : Math.max(...times);
}
