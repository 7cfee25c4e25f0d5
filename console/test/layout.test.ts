import { describe, expect, it } from 'vitest';
import { FULL_LAYOUT_LIMIT, layout, layoutInput, ranks, summaryLayout } from '../src/layout';
import { edgesOf } from '../src/model';
import { syntheticGraph } from '../src/bench';
import seedJson from '../../common-model/src/test/resources/seed/example.json';
import type { GorchGraph } from '../src/model';

const seed = seedJson as unknown as GorchGraph;

describe('layout input', () => {
  it('reads the seed digraph row by row: digraph[r*n + c] is an edge r -> c', () => {
    const input = layoutInput(seed);
    expect(input.nodes.map((n) => n.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    expect(input.edges).toContainEqual({ from: 0, to: 1 });
    expect(input.edges).toContainEqual({ from: 5, to: 0 });
    expect(input.edges).toHaveLength(edgesOf(seed).length);
  });

  it('takes the sparse edges form and leaves out edges to unknown nodes', () => {
    const input = layoutInput({ nodes: [{ id: 0 }, { id: 1, name: 'b' }], edges: [[0, 1], [1, 7]] });
    expect(input.edges).toEqual([{ from: 0, to: 1 }]);
    expect(input.nodes.map((n) => n.label)).toEqual(['0', 'b']);
  });

  it('lays out left to right: every edge goes from a node to one further right', () => {
    const placed = layout(layoutInput(seed));
    expect(placed.kind).toBe('full');
    for (const { from, to } of layoutInput(seed).edges) {
      expect(placed.nodes.get(from)!.x).toBeLessThan(placed.nodes.get(to)!.x);
    }
  });

  it('places graphs over the full-layout limit by layers alone', () => {
    const big = syntheticGraph(FULL_LAYOUT_LIMIT + 1);
    const placed = layout(layoutInput(big));
    expect(placed.kind).toBe('summary');
    expect(placed.nodes.size).toBe(FULL_LAYOUT_LIMIT + 1);
    for (const [from, to] of big.edges!) {
      expect(placed.nodes.get(from)!.x).toBeLessThan(placed.nodes.get(to)!.x);
    }
  });

  it('orders each layer by its neighbours, so that edges do not cross needlessly', () => {
    const input = layoutInput({ nodes: [0, 1, 2, 3].map((id) => ({ id })), edges: [[0, 3], [1, 2]] });
    const placed = summaryLayout(input);
    expect(placed.nodes.get(3)!.y).toBeLessThan(placed.nodes.get(2)!.y);
    expect(placed.nodes.get(0)!.y).toBeLessThan(placed.nodes.get(1)!.y);
  });

  it('ranks by longest path and puts the nodes of a cycle after the rest', () => {
    const input = layoutInput({ nodes: [0, 1, 2, 3, 4].map((id) => ({ id })), edges: [[0, 1], [1, 2], [0, 2], [3, 4], [4, 3]] });
    const rank = ranks(input);
    expect([rank.get(0), rank.get(1), rank.get(2)]).toEqual([0, 1, 2]);
    expect(rank.get(3)).toBe(3);
    expect(summaryLayout(input).nodes.size).toBe(5);
  });
});
