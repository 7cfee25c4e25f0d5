import { ApiError, call } from './api';
import { h } from './dom';
import { GraphView } from './graphview';
import { nodeLabel, type GorchGraph } from './model';
import { findCycle, nodesOfViolation, parseDocument, type Violation } from './validate';

/**
 * Submit: paste or drop a document; it is drawn at once from the document alone (a cycle highlighted) and checked by the
 * API's own validation (POST /v1/validate), each violation shown at its node or field; then submitted, with an optional
 * Idempotency-Key.
 */
export function submitPage(root: HTMLElement): () => void {
  const text = h('textarea', { id: 'document', rows: 14, 'aria-label': 'gorch document (JSON)',
    placeholder: 'Paste a gorch document here, or drop a .json file' });
  text.spellcheck = false;
  const file = h('input', { type: 'file', id: 'file', accept: '.json,application/json', 'aria-label': 'open a document file' });
  const key = h('input', { type: 'text', id: 'idempotency-key', placeholder: 'optional', 'aria-label': 'Idempotency-Key' });
  const submit = h('button', { type: 'button', id: 'submit', disabled: true }, 'Submit');
  const verdict = h('p', { id: 'verdict', role: 'status', 'aria-live': 'polite' });
  const violations = h('ul', { id: 'violations', class: 'violations' });
  const graphHost = h('div', { class: 'graph-area', id: 'graph' });
  const view = new GraphView(graphHost, (id) => {
    const item = violations.querySelector<HTMLElement>(`[data-node="${id}"]`);
    item?.focus();
  });
  let checking = 0;
  let typing: number | undefined;

  const show = (graph: GorchGraph | null, found: Violation[], cycle: number[]) => {
    violations.replaceChildren(...found.map((v) => {
      const nodes = graph ? nodesOfViolation(graph, v) : [];
      const where = nodes.length && graph
        ? nodes.map((id) => nodeLabel(graph.nodes.find((n) => n.id === id)!)).join(' → ')
        : v.field;
      return h('li', { tabindex: '0', 'data-field': v.field, 'data-node': nodes[0] ?? '' }, h('strong', {}, where), ': ', v.message);
    }));
    if (graph) {
      const errors = new Map<number, string[]>();
      for (const v of found) {
        for (const id of nodesOfViolation(graph, v)) {
          errors.set(id, [...(errors.get(id) ?? []), /cycle/.test(v.message) ? 'cycle' : `${v.field.replace(/^nodes\[\d+\]\.?/, '') || 'node'}: ${v.message}`]);
        }
      }
      view.show(graph, { cycle: new Set(cycle), errors }, true);
    } else {
      graphHost.replaceChildren();
    }
    submit.disabled = graph === null || found.length > 0;
  };

  const check = async () => {
    const parsed = parseDocument(text.value);
    if (!parsed.ok) {
      verdict.textContent = text.value.trim() ? 'Not a document yet.' : '';
      verdict.setAttribute('data-verdict', 'invalid');
      show(null, text.value.trim() ? [parsed.violation] : [], []);
      return;
    }
    const cycle = findCycle(parsed.graph);
    // drawn from the document alone first; the API's answer adds what only it can tell (engines, pools, limits)
    show(parsed.graph, cycle.length ? [{ field: parsed.graph.edges ? 'edges' : 'digraph', message: 'the graph has a cycle: '
      + cycle.map((id) => nodeLabel(parsed.graph.nodes.find((n) => n.id === id)!)).join(' -> ') }] : [], cycle);
    const mine = ++checking;
    try {
      const { body } = await call<{ valid: boolean; nodes: number }>('/v1/validate', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: text.value });
      if (mine === checking) {
        verdict.textContent = `Valid: ${body.nodes} nodes, ready to submit.`;
        verdict.setAttribute('data-verdict', 'valid');
        show(parsed.graph, [], []);
      }
    } catch (error) {
      if (mine !== checking) {
        return;
      }
      const found = error instanceof ApiError ? error.problem.violations ?? [{ field: 'document', message: error.message }] : [];
      verdict.textContent = `Refused: ${found.length} violation${found.length === 1 ? '' : 's'}; nothing was submitted.`;
      verdict.setAttribute('data-verdict', 'invalid');
      show(parsed.graph, found, cycle);
    }
  };

  const changed = () => {
    clearTimeout(typing);
    typing = window.setTimeout(() => void check(), 200);
  };
  text.addEventListener('input', changed);
  const load = async (blob: Blob) => {
    text.value = await blob.text();
    void check();
  };
  file.addEventListener('change', () => file.files?.[0] && void load(file.files[0]));
  root.addEventListener('dragover', (event) => event.preventDefault());
  root.addEventListener('drop', (event) => {
    event.preventDefault();
    const dropped = event.dataTransfer?.files?.[0];
    if (dropped) {
      void load(dropped);
    }
  });
  submit.addEventListener('click', async () => {
    submit.disabled = true;
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (key.value.trim()) {
        headers['Idempotency-Key'] = key.value.trim();
      }
      const { body } = await call<{ id: string }>('/v1/tasks', { method: 'POST', headers, body: text.value });
      location.hash = `#/runs/${encodeURIComponent(body.id)}`;
    } catch (error) {
      verdict.textContent = `Not submitted: ${(error as Error).message}`;
      submit.disabled = false;
    }
  });

  root.replaceChildren(
    h('h1', {}, 'Submit'),
    h('div', { class: 'submit-form' },
      text,
      h('div', { class: 'submit-controls' },
        h('label', {}, 'Open a file ', file),
        h('label', {}, 'Idempotency-Key ', key),
        submit)),
    verdict,
    violations,
    graphHost,
  );
  return () => clearTimeout(typing);
}
