import { describe, expect, it } from 'vitest';
import { findCycle, nodesOfViolation, parseDocument } from '../src/validate';
import { resolvedArgs } from '../src/model';
import { SseParser } from '../src/sse';
import seedJson from '../../common-model/src/test/resources/seed/example.json';
import type { GorchGraph } from '../src/model';

const seed = seedJson as unknown as GorchGraph;

describe('the Submit page checks', () => {
  it('finds no cycle in the seed example and one in a loop', () => {
    expect(findCycle(seed)).toEqual([]);
    const loop = { nodes: [0, 1, 2, 3].map((id) => ({ id })), edges: [[0, 1], [1, 2], [2, 3], [3, 1]] };
    expect(findCycle(loop)).toEqual([1, 2, 3]);
  });

  it('finds a cycle in a long chain without overflowing the stack', () => {
    const n = 20_000;
    const chain = { nodes: Array.from({ length: n }, (_, id) => ({ id })), edges: Array.from({ length: n - 1 }, (_, i) => [i, i + 1]) };
    expect(findCycle(chain)).toEqual([]);
    chain.edges.push([n - 1, 0]);
    expect(findCycle(chain)).toHaveLength(n);
  });

  it('says what is wrong with text that is no document', () => {
    expect(parseDocument('{').ok).toBe(false);
    expect(parseDocument('{"name":"x"}')).toMatchObject({ ok: false, violation: { field: 'nodes' } });
    expect(parseDocument('{"nodes":[{"name":"a"}]}')).toMatchObject({ ok: false, violation: { field: 'nodes[0].id' } });
    expect(parseDocument(JSON.stringify(seed)).ok).toBe(true);
  });

  it('puts each violation of the API at its node', () => {
    const graph = { nodes: [{ id: 0, name: 'a' }, { id: 1, name: 'b' }, { id: 2, name: 'c' }] };
    expect(nodesOfViolation(graph, { field: 'nodes[1].engine', message: "unknown engine 'x'" })).toEqual([1]);
    expect(nodesOfViolation(graph, { field: 'edges', message: 'the graph has a cycle: a -> c' })).toEqual([0, 2]);
    expect(nodesOfViolation(graph, { field: 'name', message: 'is missing' })).toEqual([]);
  });

  it('resolves get_attribute args from the outputs of the node they name', () => {
    const graph = { nodes: [{ id: 3, name: 'd', output: { ip_address: '10.1.2.3' } }, { id: 2, name: 'c', args: ['ip_address=get_attribute d:ip_address', 'plain', 'get_attribute d:missing'] }] };
    expect(resolvedArgs(graph, graph.nodes[1])).toEqual([
      { arg: 'ip_address=get_attribute d:ip_address', resolved: 'ip_address=10.1.2.3' },
      { arg: 'plain' },
      { arg: 'get_attribute d:missing' },
    ]);
  });
});

describe('the event stream parser', () => {
  it('reads events split anywhere, with ids, names and multi-line data', () => {
    const parser = new SseParser();
    expect(parser.feed('id:4\ndata:{"a"')).toEqual([]);
    expect(parser.feed(':1}\n\n: keep-alive\n\nevent:stdout\nid:5\ndata: one\ndata:  two\n\n')).toEqual([
      { event: 'message', data: '{"a":1}', id: '4' },
      { event: 'stdout', data: 'one\n two', id: '5' },
    ]);
  });
});
