import { describe, expect, it } from 'vitest';
import { STATES, isFinished, stateStyle } from '../src/states';
import { renderSvg, nodeDetail } from '../src/render';
import { layout, layoutInput } from '../src/layout';

describe('state colouring', () => {
  it('knows the seed codes and names', () => {
    expect(STATES.map((s) => [s.code, s.name])).toEqual([
      [0, 'initial'], [1, 'torun'], [2, 'running'], [3, 'success'], [4, 'failure'], [5, 'notrunnable'], [10, 'timeout'], [11, 'canceled'],
    ]);
    expect(stateStyle(3)).toBe(stateStyle('success'));
    expect(stateStyle('3')).toBe(stateStyle(3));
    expect(stateStyle(undefined).name).toBe('initial');
  });

  it('gives every state its own colour and its own symbol, so it reads without colour', () => {
    expect(new Set(STATES.map((s) => s.fill)).size).toBe(STATES.length);
    expect(new Set(STATES.map((s) => s.symbol)).size).toBe(STATES.length);
    expect(STATES.filter((s) => isFinished(s.code)).map((s) => s.name)).toEqual(['success', 'failure', 'notrunnable', 'timeout', 'canceled']);
  });

  it('draws each node with its state colour, symbol, name, attempt and duration', () => {
    const graph = {
      name: 'g',
      edges: [[0, 1]],
      nodes: [
        { id: 0, name: 'a', state: 3, attempt: 2, start_date: '2026-01-01T00:00:00Z', stop_date: '2026-01-01T00:00:03.500Z' },
        { id: 1, name: 'b', state: 4 },
      ],
    };
    const svg = renderSvg(graph, layout(layoutInput(graph)));
    expect(svg).toContain(`fill="${stateStyle(3).fill}"`);
    expect(svg).toContain('✓ a');
    expect(svg).toContain('success · #2 · 3.5s');
    expect(svg).toContain('data-state="failure"');
    expect(svg).toContain('✗ b');
    expect(nodeDetail({ id: 0, attempt: 1, start_date: '2026-01-01T00:00:00Z' }, Date.parse('2026-01-01T00:01:05Z'))).toBe('#1 · 1m5s');
  });

  it('marks a cycle and violations in red and in words', () => {
    const graph = { edges: [[0, 1], [1, 0]], nodes: [{ id: 0, name: 'a' }, { id: 1, name: 'b' }] };
    const svg = renderSvg(graph, layout(layoutInput(graph)), { cycle: new Set([0, 1]) });
    expect(svg.match(/class="edge in-cycle"/g)).toHaveLength(2);
    expect(svg).toContain('on a cycle');
    expect(svg).toContain('⚠ cycle');
  });
});
