import { ApiError, call, download } from './api';
import { badge, formatDate, h } from './dom';
import { GraphView } from './graphview';
import { nodeLabel, resolvedArgs, type GorchGraph, type GorchNode } from './model';
import { duration } from './render';
import { applyEvent, runOf, type CloudEvent, type RunState } from './replay';
import { follow } from './sse';
import { isFinished, stateStyle } from './states';

/** A run: its graph live, a node's details and logs, and the buttons cancel, rerun, download, export DOT and SVG. */
export function runPage(root: HTMLElement, id: string): () => void {
  const title = h('h1', {}, id);
  const summary = h('p', { class: 'run-summary', role: 'status', 'aria-live': 'polite' });
  const message = h('p', { class: 'message', role: 'alert' });
  const search = h('input', { type: 'search', id: 'node-search', placeholder: 'find a node…', 'aria-label': 'find a node by name' });
  const graphHost = h('div', { class: 'graph-area', id: 'graph' });
  const panel = h('aside', { class: 'node-panel', id: 'node-panel', 'aria-live': 'polite', hidden: true });
  let run: RunState | null = null;
  let selected: number | undefined;
  let stopEvents = () => {};
  let stopLogs = () => {};
  let logFor = '';
  let frame = 0;
  const view = new GraphView(graphHost, (node) => select(node));

  const act = async (label: string, action: () => Promise<unknown>) => {
    message.textContent = '';
    try {
      await action();
      message.textContent = `${label}: done`;
    } catch (error) {
      message.textContent = `${label}: ${error instanceof ApiError ? error.message : String(error)}`;
    }
  };
  const buttons = h('div', { class: 'buttons' },
    h('button', { type: 'button', id: 'cancel', onclick: () => act('Cancel', () => call(`/v1/tasks/${id}`, { method: 'DELETE' })) }, 'Cancel'),
    h('button', { type: 'button', id: 'rerun', onclick: () => act('Rerun', async () => {
      await call(`/v1/tasks/${id}/rerun`, { method: 'POST' });
      listen();
    }) }, 'Rerun'),
    h('button', { type: 'button', id: 'download', onclick: () => act('Download', async () => {
      const { body } = await call<GorchGraph>(`/v1/tasks/${id}`);
      download(`${id}.json`, 'application/json', JSON.stringify(body, null, 2));
    }) }, 'Download document'),
    h('button', { type: 'button', id: 'export-dot', onclick: () => act('Export DOT', async () => {
      const { body } = await call<string>(`/v1/tasks/${id}/graph`, { headers: { Accept: 'text/vnd.graphviz' } });
      download(`${id}.dot`, 'text/vnd.graphviz', body);
    }) }, 'Export DOT'),
    h('button', { type: 'button', id: 'export-svg', onclick: () => download(`${id}.svg`, 'image/svg+xml', view.svg()) }, 'Export SVG'),
    h('button', { type: 'button', onclick: () => view.zoom(1.25), 'aria-label': 'zoom in' }, '+'),
    h('button', { type: 'button', onclick: () => view.zoom(0.8), 'aria-label': 'zoom out' }, '−'),
  );
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      message.textContent = view.find(search.value) ? '' : `No node named like '${search.value}'.`;
    }
  });

  const redraw = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (!run?.graph) {
        return;
      }
      const graph = run.graph;
      const style = stateStyle(graph.state);
      title.textContent = graph.name || id;
      const counts = new Map<string, number>();
      graph.nodes.forEach((n) => counts.set(stateStyle(n.state).name, (counts.get(stateStyle(n.state).name) ?? 0) + 1));
      const took = graph.start_date ? duration((graph.stop_date ? Date.parse(graph.stop_date) : Date.now()) - Date.parse(graph.start_date)) : '';
      summary.replaceChildren(badge(style), ` ${graph.nodes.length} nodes: `,
        [...counts].map(([name, count]) => `${count} ${name}`).join(', '), took ? ` · ${took}` : '');
      summary.setAttribute('data-state', style.name);
      (buttons.querySelector('#cancel') as HTMLButtonElement).disabled = isFinished(graph.state);
      (buttons.querySelector('#rerun') as HTMLButtonElement).disabled = !isFinished(graph.state) || graph.state === 3;
      view.show(graph, { selected });
      showPanel();
    });
  };

  const select = (node: number) => {
    selected = node;
    redraw();
  };

  const showPanel = () => {
    const node = run?.graph?.nodes.find((n) => n.id === selected);
    if (!node || !run?.graph) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    const logs = panel.querySelector('pre.logs') ?? h('pre', { class: 'logs', id: 'logs', tabindex: '0', 'aria-label': 'log' });
    panel.replaceChildren(
      h('h2', {}, `${stateStyle(node.state).symbol} ${nodeLabel(node)}`),
      h('button', { type: 'button', class: 'close', 'aria-label': 'close', onclick: () => select(-1) }, '×'),
      details(run.graph, node),
      h('h3', {}, `Log (attempt ${Math.max(1, node.attempt ?? 1)})`),
      logs,
    );
    followLogs(node, logs as HTMLPreElement);
  };

  const followLogs = (node: GorchNode, pre: HTMLPreElement) => {
    const key = `${node.id}/${Math.max(1, node.attempt ?? 1)}`;
    if (key === logFor) {
      return;
    }
    stopLogs();
    logFor = key;
    pre.textContent = '';
    stopLogs = follow(`/v1/tasks/${id}/nodes/${node.id}/logs?attempt=${Math.max(1, node.attempt ?? 1)}`, (event) => {
      pre.append(event.event === 'stderr' ? h('span', { class: 'stderr' }, event.data + '\n') : event.data + '\n');
      pre.scrollTop = pre.scrollHeight;
    }, (reason) => pre.setAttribute('data-ended', reason));
  };

  const listen = () => {
    stopEvents();
    stopEvents = follow(`/v1/tasks/${id}/events`, (event) => {
      if (run && applyEvent(run, JSON.parse(event.data) as CloudEvent)) {
        redraw();
      }
    });
  };

  const start = async () => {
    try {
      const { body } = await call<GorchGraph>(`/v1/tasks/${id}`);
      run = runOf(body);
      redraw();
      listen();
    } catch (error) {
      message.textContent = `Could not read run ${id}: ${(error as Error).message}`;
    }
  };

  const ticker = window.setInterval(() => {
    if (run?.graph && !isFinished(run.graph.state)) {
      redraw(); // running durations count up
    }
  }, 1000);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      select(-1);
    }
  });
  root.replaceChildren(title, summary, h('div', { class: 'toolbar' }, buttons, search), message,
    h('div', { class: 'run-layout' }, graphHost, panel));
  void start();
  return () => {
    stopEvents();
    stopLogs();
    clearInterval(ticker);
    cancelAnimationFrame(frame);
  };
}

/** The node's definition (args with their resolved get_attribute values), outputs and attempts. */
function details(graph: GorchGraph, node: GorchNode): HTMLElement {
  const definition = h('dl', { class: 'definition' },
    ...pair('State', badge(stateStyle(node.state))),
    ...pair('Engine', node.engine ?? ''),
    ...pair('Artifact', node.artifact ?? ''),
    ...pair('Target', node.target ?? ''),
    ...pair('Attempt', String(node.attempt ?? 0)),
    ...pair('Started', formatDate(node.start_date)),
    ...pair('Stopped', formatDate(node.stop_date)),
    ...pair('Exit code', node.exit_code === undefined ? '' : String(node.exit_code)),
    ...pair('Message', node.message ?? ''),
  );
  const args = resolvedArgs(graph, node);
  const argList = h('ul', { class: 'args' }, ...args.map((a) => h('li', {}, h('code', {}, a.arg),
    a.resolved !== undefined ? h('span', { class: 'resolved' }, ' → ', h('code', {}, a.resolved)) : null)));
  const outputs = Object.entries(node.output ?? {});
  const outputList = h('dl', { class: 'outputs' }, ...outputs.flatMap(([k, v]) => pair(k, v || '—')));
  // the earlier attempts, then the current one (a node that has not started has none)
  const attempts = [...(node.attempts ?? []).filter((a) => a.attempt !== node.attempt),
    ...(node.start_date ? [{ attempt: node.attempt, state: node.state, start_date: node.start_date, stop_date: node.stop_date, exit_code: node.exit_code }] : [])];
  const attemptTable = h('table', { class: 'attempts' },
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'State'), h('th', {}, 'Started'), h('th', {}, 'Stopped'), h('th', {}, 'Exit'))),
    h('tbody', {}, ...attempts.map((a, i) => h('tr', {}, h('td', {}, String(a.attempt ?? i + 1)), h('td', {}, stateStyle(a.state).name),
      h('td', {}, formatDate(a.start_date)), h('td', {}, formatDate(a.stop_date)), h('td', {}, a.exit_code === undefined ? '' : String(a.exit_code))))));
  return h('div', {}, definition,
    h('h3', {}, 'Args'), args.length ? argList : h('p', {}, 'none'),
    h('h3', {}, 'Outputs'), outputs.length ? outputList : h('p', {}, 'none'),
    h('h3', {}, 'Attempts'), attempts.length ? attemptTable : h('p', {}, 'none yet'));
}

function pair(term: string, value: Node | string): HTMLElement[] {
  return value === '' ? [] : [h('dt', {}, term), h('dd', {}, value)];
}
