import { h } from './dom';
import { GraphView } from './graphview';
import type { GorchGraph } from './model';

/** A layered random DAG of n nodes in the sparse edges form, with states mixed as in a run mid-way. */
export function syntheticGraph(n: number, seed = 7): GorchGraph {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const width = Math.max(1, Math.round(Math.sqrt(n)));
  const edges: number[][] = [];
  for (let id = width; id < n; id++) {
    const layerStart = Math.floor(id / width) * width;
    const parents = 1 + Math.floor(random() * 2);
    for (let p = 0; p < parents; p++) {
      edges.push([layerStart - width + Math.floor(random() * width), id]);
    }
  }
  const codes = [3, 3, 3, 2, 1, 4];
  return {
    name: `synthetic-${n}`,
    edges,
    nodes: Array.from({ length: n }, (_, id) => ({ id, name: `n${id}`, engine: 'nil', state: codes[id % codes.length], attempt: 1 })),
  };
}

/** #/bench?n=1000: lays out and draws a synthetic graph; the time lands in #bench[data-ms] once painted. */
export function benchPage(root: HTMLElement, n: number): () => void {
  const result = h('p', { id: 'bench', role: 'status' }, 'drawing…');
  const found = h('p', { id: 'found', role: 'status' });
  const search = h('input', { type: 'search', id: 'node-search', placeholder: 'find a node…', 'aria-label': 'find a node by name' });
  const host = h('div', { class: 'graph-area', id: 'graph' });
  root.replaceChildren(h('h1', {}, `${n} nodes`), result, search, found, host);
  const started = performance.now();
  const graph = syntheticGraph(n);
  const view = new GraphView(host, (id) => found.setAttribute('data-selected', String(id)));
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      const t0 = performance.now();
      const hit = view.find(search.value);
      requestAnimationFrame(() => {
        found.textContent = hit ? `found in ${(performance.now() - t0).toFixed(0)} ms` : 'no such node';
        found.setAttribute('data-ms', (performance.now() - t0).toFixed(0));
      });
    }
  });
  const layoutMs = view.show(graph);
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const total = performance.now() - started;
    const drawing = host.querySelector('canvas') ? 'canvas' : 'svg';
    result.textContent = `${n} nodes, ${graph.edges!.length} edges: layout ${layoutMs.toFixed(0)} ms, laid out and drawn `
      + `${total.toFixed(0)} ms (${view.layout?.kind} layout, ${drawing})`;
    result.setAttribute('data-drawing', drawing);
    result.setAttribute('data-ms', total.toFixed(0));
    result.setAttribute('data-layout-ms', layoutMs.toFixed(0));
    result.setAttribute('data-kind', view.layout?.kind ?? '');
  }));
  return () => {};
}
