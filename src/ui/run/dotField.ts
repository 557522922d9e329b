// The dots in flight: a fixed pool in typed arrays (no allocation per frame or per event). Each
// dot rides one edge's curve from t = 0 to 1 over a visual duration, coloured by event type.
import { curveAt } from './edgeGeometry';
import { EVENT_COLORS } from './palette';

export interface ViewTransform {
  x: number;
  y: number;
  zoom: number;
}

export class DotField {
  private readonly edge: Int32Array;
  private readonly type: Uint8Array;
  private readonly born: Float64Array;
  private readonly alive: Uint8Array;
  private readonly free: Int32Array;
  private freeTop: number;
  /** Dots alive per edge, so one busy edge cannot take the whole pool. */
  perEdge: Int32Array = new Int32Array(0);

  constructor(readonly capacity: number) {
    this.edge = new Int32Array(capacity);
    this.type = new Uint8Array(capacity);
    this.born = new Float64Array(capacity);
    this.alive = new Uint8Array(capacity);
    this.free = new Int32Array(capacity);
    this.freeTop = 0;
    this.clear(0);
  }

  /** Drops every dot; `edges` sizes the per-edge counters for a new layout. */
  clear(edges: number): void {
    this.alive.fill(0);
    for (let i = 0; i < this.capacity; i++) this.free[i] = this.capacity - 1 - i;
    this.freeTop = this.capacity;
    if (this.perEdge.length !== edges) this.perEdge = new Int32Array(edges);
    else this.perEdge.fill(0);
  }

  /** Starts a dot on `edge` at visual time `at` (ms); false when the pool is full. */
  spawn(edge: number, type: number, at: number): boolean {
    if (this.freeTop === 0) return false;
    const i = this.free[--this.freeTop]!;
    this.edge[i] = edge;
    this.type[i] = type;
    this.born[i] = at;
    this.alive[i] = 1;
    this.perEdge[edge]!++;
    return true;
  }

  /** Retires dots that reached their target; call once per frame before drawing. */
  expire(now: number, duration: number): void {
    for (let i = 0; i < this.capacity; i++) {
      if (this.alive[i] && now - this.born[i]! >= duration) {
        this.alive[i] = 0;
        this.perEdge[this.edge[i]!]!--;
        this.free[this.freeTop++] = i;
      }
    }
  }

  /** One path per colour: a few fill() calls in all, however many dots. */
  draw(
    ctx: CanvasRenderingContext2D,
    curves: Float32Array,
    now: number,
    duration: number,
    view: ViewTransform,
    width: number,
    height: number,
  ): void {
    const r = 3.2 * Math.min(1.4, Math.max(0.7, view.zoom));
    // Zoomed out, a dot is a few pixels wide: a square looks the same and rasterizes far faster.
    const square = r < 3;
    for (let c = 0; c < EVENT_COLORS.length; c++) {
      let any = false;
      ctx.beginPath();
      for (let i = 0; i < this.capacity; i++) {
        if (!this.alive[i] || this.type[i]! % EVENT_COLORS.length !== c) continue;
        const t = (now - this.born[i]!) / duration;
        if (t < 0) continue; // staggered: not departed yet
        const e = this.edge[i]!;
        const x = curveAt(curves, e, t, 0) * view.zoom + view.x;
        const y = curveAt(curves, e, t, 1) * view.zoom + view.y;
        if (x < -r || y < -r || x > width + r || y > height + r) continue;
        if (square) ctx.rect(x - r, y - r, 2 * r, 2 * r);
        else {
          ctx.moveTo(x + r, y);
          ctx.arc(x, y, r, 0, 2 * Math.PI);
        }
        any = true;
      }
      if (any) {
        ctx.fillStyle = EVENT_COLORS[c]!;
        ctx.fill();
      }
    }
  }
}
