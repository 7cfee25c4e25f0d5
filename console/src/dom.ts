/** A tiny element builder: h('button', {class: 'x', onclick}, 'text', child). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value as EventListener);
    } else if (key in element && !key.includes('-') && key !== 'list') {
      (element as unknown as Record<string, unknown>)[key] = value;
    } else {
      element.setAttribute(key, String(value));
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child);
    }
  }
  return element;
}

/** A state badge: its colour, symbol and name, so it reads without colour too. */
export function badge(style: { name: string; symbol: string; fill: string; stroke: string }): HTMLElement {
  return h('span', { class: `badge state-${style.name}`, style: `background:${style.fill};border-color:${style.stroke}` },
    `${style.symbol} ${style.name}`);
}

export function formatDate(iso?: string): string {
  return iso ? new Date(iso).toLocaleString() : '';
}
