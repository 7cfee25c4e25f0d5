import { SVG_LIMIT, layout as computeLayout, layoutInput, type Layout } from './layout';
import { nodeLabel, type GorchGraph } from './model';
import { renderSvg, type Marks } from './render';
import { stateStyle } from './states';

/**
 * A graph on the page: laid out once (the shape of a run does not change while it runs), redrawn on every change of
 * state. Up to SVG_LIMIT nodes it is an SVG of focusable nodes; above, the summary view draws it on a canvas.
 * Either way: + and - zoom, the search box finds a node by name, a click or Enter opens a node.
 */
export class GraphView {
  private graph: GorchGraph | null = null;
  private placed: Layout | null = null;
  private marks: Marks = {};
  private scale = 1;
  private readonly canvasView: CanvasView;

  constructor(
    private readonly host: HTMLElement,
    private readonly onSelect: (id: number) => void,
  ) {
    this.canvasView = new CanvasView(host, onSelect);
    host.classList.add('graph-host');
    host.addEventListener('click', (event) => {
      const node = (event.target as Element).closest('.node');
      if (node) {
        this.onSelect(Number(node.getAttribute('data-id')));
      }
    });
    host.addEventListener('keydown', (event) => this.key(event));
  }

  /** Lays the graph out (when its shape is new) and draws it; returns the layout's time in ms. */
  show(graph: GorchGraph, marks: Marks = {}, relayout = false): number {
    const started = performance.now();
    if (relayout || this.placed === null || this.graph === null || this.graph.nodes.length !== graph.nodes.length) {
      this.placed = computeLayout(layoutInput(graph));
    }
    const laidOut = performance.now() - started;
    this.graph = graph;
    this.marks = marks;
    this.draw();
    return laidOut;
  }

  private onCanvas(): boolean {
    return (this.graph?.nodes.length ?? 0) > SVG_LIMIT;
  }

  get layout(): Layout | null {
    return this.placed;
  }

  /** The SVG as a file: what "Export SVG" saves. */
  svg(): string {
    return this.graph && this.placed ? renderSvg(this.graph, this.placed, this.marks) : '';
  }

  /** Finds a node by (part of) its name, shows and selects it; false when none matches. */
  find(text: string): boolean {
    const wanted = text.trim().toLowerCase();
    const node = this.graph?.nodes.find((n) => nodeLabel(n).toLowerCase() === wanted)
      ?? this.graph?.nodes.find((n) => nodeLabel(n).toLowerCase().includes(wanted));
    if (!node || !wanted) {
      return false;
    }
    this.onSelect(node.id);
    if (this.onCanvas()) {
      this.canvasView.focus(node.id);
    } else {
      const element = this.host.querySelector<SVGGElement>(`.node[data-id="${node.id}"]`);
      element?.focus();
      element?.scrollIntoView({ block: 'center', inline: 'center' });
    }
    return true;
  }

  zoom(factor: number): void {
    if (this.onCanvas()) {
      this.canvasView.zoom(factor);
      return;
    }
    this.scale = Math.min(4, Math.max(0.1, this.scale * factor));
    const svg = this.host.querySelector('svg');
    if (svg && this.placed) {
      svg.setAttribute('width', String(Math.ceil(this.placed.width * this.scale)));
      svg.setAttribute('height', String(Math.ceil(this.placed.height * this.scale)));
    }
  }

  private draw(): void {
    if (!this.graph || !this.placed) {
      return;
    }
    if (this.onCanvas()) {
      this.canvasView.show(this.graph, this.placed, this.marks);
      return;
    }
    const focused = document.activeElement?.closest?.('.node')?.getAttribute('data-id');
    this.host.innerHTML = renderSvg(this.graph, this.placed, this.marks);
    this.zoom(1);
    if (focused !== undefined && focused !== null && this.host.contains(document.activeElement) === false) {
      this.host.querySelector<SVGGElement>(`.node[data-id="${focused}"]`)?.focus({ preventScroll: true });
    }
  }

  /** Enter or space opens the focused node; arrows move to the nearest node that way; + and - zoom. */
  private key(event: KeyboardEvent): void {
    if (event.key === '+' || event.key === '=') {
      this.zoom(1.25);
    } else if (event.key === '-') {
      this.zoom(0.8);
    } else if (this.onCanvas()) {
      this.canvasView.key(event);
      return;
    } else {
      const current = (event.target as Element).closest?.('.node');
      if (!current) {
        return;
      }
      const id = Number(current.getAttribute('data-id'));
      if (event.key === 'Enter' || event.key === ' ') {
        this.onSelect(id);
      } else if (event.key.startsWith('Arrow')) {
        const next = this.neighbour(id, event.key);
        if (next !== undefined) {
          this.host.querySelector<SVGGElement>(`.node[data-id="${next}"]`)?.focus();
        }
      } else {
        return;
      }
    }
    event.preventDefault();
  }

  private neighbour(id: number, key: string): number | undefined {
    const from = this.placed?.nodes.get(id);
    if (!from || !this.placed) {
      return undefined;
    }
    const [dx, dy] = ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<string, number[]>)[key];
    let best: number | undefined;
    let bestScore = Infinity;
    for (const [other, box] of this.placed.nodes) {
      const vx = box.x - from.x;
      const vy = box.y - from.y;
      const along = vx * dx + vy * dy;
      if (other === id || along <= 0) {
        continue;
      }
      const score = along + 3 * Math.abs(vx * dy + vy * dx);
      if (score < bestScore) {
        bestScore = score;
        best = other;
      }
    }
    return best;
  }
}

/** The summary view of a big graph: every node a small box in its state's colour; labels once zoomed in. */
class CanvasView {
  private canvas: HTMLCanvasElement | null = null;
  private graph: GorchGraph | null = null;
  private placed: Layout | null = null;
  private marks: Marks = {};
  private scale = 0.2;
  private x = 0;
  private y = 0;
  private drag: { x: number; y: number } | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly onSelect: (id: number) => void,
  ) {}

  show(graph: GorchGraph, placed: Layout, marks: Marks): void {
    const fresh = this.placed !== placed;
    this.graph = graph;
    this.placed = placed;
    this.marks = marks;
    if (!this.canvas || !this.host.contains(this.canvas)) {
      this.mount();
    }
    if (fresh) {
      const width = this.canvas!.width;
      this.scale = Math.max(0.02, Math.min(1, width / placed.width, this.canvas!.height / placed.height));
      this.x = 0;
      this.y = 0;
    }
    this.paint();
  }

  zoom(factor: number, cx = this.canvas ? this.canvas.width / 2 : 0, cy = this.canvas ? this.canvas.height / 2 : 0): void {
    const next = Math.min(4, Math.max(0.01, this.scale * factor));
    this.x = cx - ((cx - this.x) * next) / this.scale;
    this.y = cy - ((cy - this.y) * next) / this.scale;
    this.scale = next;
    this.paint();
  }

  focus(id: number): void {
    const box = this.placed?.nodes.get(id);
    if (!box || !this.canvas) {
      return;
    }
    this.scale = 1;
    this.x = this.canvas.width / 2 - (box.x + box.width / 2);
    this.y = this.canvas.height / 2 - (box.y + box.height / 2);
    this.marks = { ...this.marks, selected: id };
    this.paint();
  }

  key(event: KeyboardEvent): void {
    const step = 80;
    const moves: Record<string, [number, number]> = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    const move = moves[event.key];
    if (move) {
      this.x += move[0];
      this.y += move[1];
      this.paint();
      event.preventDefault();
    }
  }

  private mount(): void {
    this.host.innerHTML = '';
    const canvas = document.createElement('canvas');
    canvas.className = 'summary-canvas';
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'summary view of a large graph: arrows pan, + and - zoom, the search box finds a node');
    canvas.width = Math.max(300, this.host.clientWidth || 1000);
    canvas.height = Math.max(300, this.host.clientHeight || 600);
    canvas.addEventListener('wheel', (event) => {
      event.preventDefault();
      this.zoom(event.deltaY < 0 ? 1.2 : 1 / 1.2, event.offsetX, event.offsetY);
    });
    canvas.addEventListener('mousedown', (event) => (this.drag = { x: event.offsetX, y: event.offsetY }));
    canvas.addEventListener('mousemove', (event) => {
      if (this.drag) {
        this.x += event.offsetX - this.drag.x;
        this.y += event.offsetY - this.drag.y;
        this.drag = { x: event.offsetX, y: event.offsetY };
        this.paint();
      }
    });
    canvas.addEventListener('mouseup', (event) => {
      const moved = this.drag && (Math.abs(event.offsetX - this.drag.x) > 2 || Math.abs(event.offsetY - this.drag.y) > 2);
      this.drag = null;
      if (!moved) {
        const hit = this.hit(event.offsetX, event.offsetY);
        if (hit !== undefined) {
          this.onSelect(hit);
        }
      }
    });
    this.host.append(canvas);
    this.canvas = canvas;
  }

  private hit(px: number, py: number): number | undefined {
    const wx = (px - this.x) / this.scale;
    const wy = (py - this.y) / this.scale;
    for (const [id, box] of this.placed?.nodes ?? []) {
      if (wx >= box.x && wx <= box.x + box.width && wy >= box.y && wy <= box.y + box.height) {
        return id;
      }
    }
    return undefined;
  }

  private paint(): void {
    const canvas = this.canvas;
    const context = canvas?.getContext('2d');
    if (!canvas || !context || !this.graph || !this.placed) {
      return;
    }
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(this.scale, 0, 0, this.scale, this.x, this.y);
    context.strokeStyle = 'rgba(90,90,90,0.35)';
    context.lineWidth = 1 / this.scale;
    context.beginPath();
    for (const edge of this.placed.edges) {
      const [a, b] = [edge.points[0], edge.points[edge.points.length - 1]];
      context.moveTo(a.x, a.y);
      context.lineTo(b.x, b.y);
    }
    context.stroke();
    const labels = this.scale >= 0.5;
    context.font = '12px sans-serif';
    for (const node of this.graph.nodes) {
      const box = this.placed.nodes.get(node.id);
      if (!box) {
        continue;
      }
      const style = stateStyle(node.state);
      context.fillStyle = style.fill;
      context.fillRect(box.x, box.y, box.width, box.height);
      const marked = this.marks.selected === node.id || this.marks.cycle?.has(node.id) || this.marks.errors?.has(node.id);
      context.strokeStyle = marked ? '#d00' : style.stroke;
      context.lineWidth = (marked ? 4 : 1.5) / Math.max(this.scale, 0.2);
      context.strokeRect(box.x, box.y, box.width, box.height);
      if (labels) {
        context.fillStyle = '#111';
        context.fillText(`${style.symbol} ${nodeLabel(node)}`.slice(0, 22), box.x + 6, box.y + 18);
        context.fillText(style.name, box.x + 6, box.y + 36);
      }
    }
  }
}
