import { call } from './api';
import { badge, formatDate, h } from './dom';
import { STATES, stateStyle } from './states';
import { follow } from './sse';

interface Summary {
  id: string;
  name?: string;
  state: number;
  state_name: string;
  start_date?: string;
  stop_date?: string;
}

const PAGE = 25;

/** The Runs page: newest first, filtered by state and name, paged with 'after', kept live by /v1/tasks/stream. */
export function runsPage(root: HTMLElement): () => void {
  const counters = h('ul', { class: 'counters', 'aria-label': 'tasks by state', 'aria-live': 'polite' });
  const stateFilter = h('select', { id: 'state-filter', 'aria-label': 'state' },
    h('option', { value: '' }, 'every state'), ...STATES.map((s) => h('option', { value: s.name }, `${s.symbol} ${s.name}`)));
  const nameFilter = h('input', { id: 'name-filter', type: 'search', placeholder: 'name contains…', 'aria-label': 'name contains' });
  const rows = h('tbody');
  const more = h('button', { id: 'more', type: 'button' }, 'Older runs');
  const status = h('p', { class: 'status', role: 'status' });
  let next: string | undefined;
  let shown = new Map<string, HTMLTableRowElement>();

  const matches = (task: Summary) =>
    (!stateFilter.value || task.state_name === stateFilter.value)
    && (!nameFilter.value || (task.name ?? '').toLowerCase().includes(nameFilter.value.toLowerCase()));

  const row = (task: Summary) => {
    const link = h('a', { href: `#/runs/${encodeURIComponent(task.id)}` }, task.name || task.id);
    return h('tr', { 'data-id': task.id, 'data-state': task.state_name },
      h('td', {}, link), h('td', {}, badge(stateStyle(task.state))), h('td', { class: 'id' }, task.id),
      h('td', {}, formatDate(task.start_date)), h('td', {}, formatDate(task.stop_date)));
  };

  const load = async (reset: boolean) => {
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (stateFilter.value) query.set('state', stateFilter.value);
    if (nameFilter.value) query.set('name', nameFilter.value);
    if (!reset && next) query.set('after', next);
    try {
      const { body } = await call<{ tasks: Summary[]; next?: string }>(`/v1/tasks?${query}`);
      if (reset) {
        rows.replaceChildren();
        shown = new Map();
      }
      for (const task of body.tasks) {
        const tr = row(task);
        shown.set(task.id, tr);
        rows.append(tr);
      }
      next = body.next;
      more.hidden = !next;
      status.textContent = rows.children.length === 0 ? 'No runs.' : '';
    } catch (error) {
      status.textContent = `Could not read the runs: ${(error as Error).message}`;
    }
  };

  const changed = (task: Summary) => {
    const existing = shown.get(task.id);
    if (existing) {
      const fresh = row(task);
      existing.replaceWith(fresh);
      shown.set(task.id, fresh);
      if (!matches(task)) {
        fresh.remove();
        shown.delete(task.id);
      }
      return;
    }
    const newest = rows.firstElementChild?.getAttribute('data-id');
    if (matches(task) && (!newest || task.id > newest)) {
      const fresh = row(task);
      shown.set(task.id, fresh);
      rows.prepend(fresh);
      status.textContent = '';
    }
  };

  let typing: number | undefined;
  stateFilter.addEventListener('change', () => void load(true));
  nameFilter.addEventListener('input', () => {
    clearTimeout(typing);
    typing = window.setTimeout(() => void load(true), 250);
  });
  more.addEventListener('click', () => void load(false));

  root.replaceChildren(
    h('h1', {}, 'Runs'),
    counters,
    h('div', { class: 'filters' }, h('label', {}, 'State ', stateFilter), h('label', {}, 'Name ', nameFilter)),
    h('table', { class: 'runs' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'State'), h('th', {}, 'Id'), h('th', {}, 'Started'), h('th', {}, 'Stopped'))),
      rows),
    more,
    status,
  );
  void load(true);
  return follow('/v1/tasks/stream', (event) => {
    if (event.event === 'counts') {
      const counts = JSON.parse(event.data) as Record<string, number>;
      counters.replaceChildren(...STATES.filter((s) => counts[s.name] > 0 || s.code >= 2 && s.code <= 4)
        .map((s) => h('li', { 'data-state': s.name }, badge(s), ' ', h('strong', {}, String(counts[s.name] ?? 0)))));
    } else if (event.event === 'task') {
      changed(JSON.parse(event.data) as Summary);
    } else if (event.event === 'removed') {
      const id = (JSON.parse(event.data) as { id: string }).id;
      shown.get(id)?.remove();
      shown.delete(id);
    } else if (event.event === 'reset') {
      void load(true);
    }
  });
}
