import type { Layout } from './layout';
import { nodeLabel, type GorchGraph, type GorchNode } from './model';
import { stateStyle } from './states';

/** Marks drawn on top of the states: a cycle or violations (Submit page), the selected node. */
export interface Marks {
  cycle?: ReadonlySet<number>;
  errors?: ReadonlyMap<number, string[]>;
  selected?: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The graph as a standalone SVG document: what the page shows and what "Export SVG" saves. */
export function renderSvg(graph: GorchGraph, layout: Layout, marks: Marks = {}, now = Date.now()): string {
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="${SVG_NS}" class="graph" viewBox="0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}" ` +
      `width="${Math.ceil(layout.width)}" height="${Math.ceil(layout.height)}" role="group" aria-label="graph of ${escape(graph.name ?? 'the run')}">`,
  );
  parts.push(
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse">' +
      '<path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>',
  );
  parts.push('<g class="edges">');
  for (const edge of layout.edges) {
    const inCycle = marks.cycle?.has(edge.from) && marks.cycle?.has(edge.to);
    const d = edge.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
    parts.push(`<path class="edge${inCycle ? ' in-cycle' : ''}" d="${d}" fill="none" stroke="${inCycle ? '#d00' : '#777'}" ` +
      `stroke-width="${inCycle ? 3 : 1.2}" marker-end="url(#arrow)"/>`);
  }
  parts.push('</g><g class="nodes">');
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const [id, box] of layout.nodes) {
    const node = byId.get(id);
    if (node) {
      parts.push(renderNode(node, box, marks, now));
    }
  }
  parts.push('</g></svg>');
  return parts.join('');
}

function renderNode(node: GorchNode, box: { x: number; y: number; width: number; height: number }, marks: Marks, now: number): string {
  const style = stateStyle(node.state);
  const errors = marks.errors?.get(node.id) ?? [];
  const inCycle = marks.cycle?.has(node.id) ?? false;
  const problem = errors.length > 0 || inCycle;
  const selected = marks.selected === node.id;
  const label = nodeLabel(node);
  const detail = nodeDetail(node, now);
  const aria = `${label}: ${style.name}${detail ? ', ' + detail : ''}${inCycle ? ', on a cycle' : ''}${errors.length ? ', ' + errors.join('; ') : ''}`;
  const stroke = problem ? '#d00' : style.stroke;
  return (
    `<g class="node state-${style.name}${problem ? ' invalid' : ''}${selected ? ' selected' : ''}" data-id="${node.id}" ` +
    `data-state="${style.name}" tabindex="0" role="button" aria-label="${escape(aria)}" transform="translate(${box.x.toFixed(1)},${box.y.toFixed(1)})">` +
    `<title>${escape(aria)}</title>` +
    `<rect width="${box.width}" height="${box.height}" rx="6" fill="${style.fill}" stroke="${stroke}" ` +
    `stroke-width="${problem || selected ? 3 : 1.5}"${style.dashed ? ' stroke-dasharray="5 3"' : ''}/>` +
    `<text x="8" y="18" class="name">${escape(style.symbol)} ${escape(clip(label, 18))}</text>` +
    `<text x="8" y="36" class="detail">${escape(problem ? '⚠ ' + (inCycle ? 'cycle' : clip(errors[0], 20)) : `${style.name}${detail ? ' · ' + detail : ''}`)}</text>` +
    '</g>'
  );
}

/** Attempt and duration: "#2 · 3.1s" (running nodes count up to now). */
export function nodeDetail(node: GorchNode, now = Date.now()): string {
  const parts: string[] = [];
  if (node.attempt && node.attempt > 0) {
    parts.push(`#${node.attempt}`);
  }
  if (node.start_date) {
    const end = node.stop_date ? Date.parse(node.stop_date) : now;
    parts.push(duration(end - Date.parse(node.start_date)));
  }
  return parts.join(' · ');
}

export function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) {
    return '';
  }
  if (ms < 1000) {
    return `${ms}ms`;
  }
  if (ms < 60_000) {
    return `${(ms / 1000).toFixed(1)}s`;
  }
  const minutes = Math.floor(ms / 60_000);
  return minutes < 60 ? `${minutes}m${Math.floor((ms % 60_000) / 1000)}s` : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
