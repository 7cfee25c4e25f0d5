import { describe, expect, it } from 'vitest';
import { applyEvent, emptyRun, eventName, runOf, type CloudEvent } from '../src/replay';
import type { GorchGraph } from '../src/model';

const ID = 'wf-1';
const document: GorchGraph = {
  id: ID,
  name: 'two',
  edges: [[0, 1]],
  nodes: [
    { id: 0, name: 'a', engine: 'nil', output: { ip: 'stale' } },
    { id: 1, name: 'b', engine: 'nil' },
  ],
};

function event(type: string, time: string, data: unknown, subject = ID, attempt = ''): CloudEvent {
  const name = `org.gorchestrator.${type}.v1`;
  return { id: `${subject}/${type}${attempt}@${time}`, type: name, subject, time, data };
}

const submitted = event('workflow.submitted', '2026-01-01T00:00:00Z', document);
const started = event('workflow.started', '2026-01-01T00:00:01Z', { state: 2, state_name: 'running' });
const nodeRunning = event('node.started', '2026-01-01T00:00:02Z', { id: 0, name: 'a', state: 2, attempt: 1 }, `${ID}/nodes/0`, '/1');
const nodeDone = event('node.succeeded', '2026-01-01T00:00:03Z', { id: 0, name: 'a', state: 3, attempt: 1, output: { ip: '10.0.0.5' } }, `${ID}/nodes/0`, '/1');
const finished = event('workflow.finished', '2026-01-01T00:00:09Z', { state: 3, state_name: 'success' });

describe('event application (the rule of WorkflowReplay)', () => {
  it('rebuilds the run from its events in order: nodes start from their definitions, waiting to run', () => {
    const run = emptyRun();
    [submitted, started, nodeRunning].forEach((e) => expect(applyEvent(run, e)).toBe(true));
    expect(run.graph!.state).toBe(2);
    expect(run.graph!.start_date).toBe('2026-01-01T00:00:01.000Z');
    expect(run.graph!.nodes.map((n) => n.state)).toEqual([2, 1]);
    expect(run.graph!.nodes[1].output).toBeUndefined();
    expect(applyEvent(run, nodeDone)).toBe(true);
    expect(applyEvent(run, finished)).toBe(true);
    expect(run.graph!.nodes[0].output).toEqual({ ip: '10.0.0.5' });
    expect(run.graph!.state).toBe(3);
    expect(run.graph!.stop_date).toBe('2026-01-01T00:00:09.000Z');
  });

  it('ignores a duplicate: the same event again changes nothing', () => {
    const run = emptyRun();
    [submitted, started, nodeRunning, nodeDone].forEach((e) => applyEvent(run, e));
    const before = structuredClone(run.graph);
    expect(applyEvent(run, nodeDone)).toBe(false);
    expect(applyEvent(run, submitted)).toBe(false);
    expect(run.graph).toEqual(before);
  });

  it('ignores a stale event: an older change of a node or of the graph does not undo a newer one', () => {
    const run = emptyRun();
    [submitted, started, nodeDone, finished].forEach((e) => applyEvent(run, e));
    const before = structuredClone(run.graph);
    expect(applyEvent(run, nodeRunning)).toBe(false);
    expect(applyEvent(run, started)).toBe(false);
    expect(run.graph).toEqual(before);
  });

  it('starts from a read of the document, whose dates make older events stale', () => {
    const run = runOf({ ...document, state: 2, start_date: '2026-01-01T00:00:01Z',
      nodes: [{ id: 0, name: 'a', state: 3, start_date: '2026-01-01T00:00:02Z', stop_date: '2026-01-01T00:00:03Z' }, { id: 1, name: 'b', state: 1 }] });
    expect(applyEvent(run, submitted)).toBe(false);
    expect(applyEvent(run, nodeRunning)).toBe(false);
    expect(run.graph!.nodes[0].state).toBe(3);
    expect(applyEvent(run, finished)).toBe(true);
    expect(run.graph!.state).toBe(3);
  });

  it('reads event names off CloudEvents types', () => {
    expect(eventName('org.gorchestrator.node.succeeded.v1')).toBe('node.succeeded');
    expect(eventName('org.gorchestrator.workflow.rerun.v1')).toBe('workflow.rerun');
  });
});
