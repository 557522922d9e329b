// Time series for the charts, accumulated from snapshots (the engine sends state, not history).
// Bounded: when full, every other sample is dropped, so a long run keeps its whole shape at a
// coarser grain and memory stays fixed.
import { NODE_ROW, SAMPLE_DEPTHS, SAMPLE_ROW, SAMPLE_STRIDE, STATS, TOTALS } from '../../engine/snapshot';
import type { SnapshotHolder } from '../../runtime/client';
import type { BaselineSeries } from '../../store/slices/baselineSlice';

export const SERIES_CAPACITY = 512;
/** Bus depth lines drawn at most (more would not be legible): the buses fast-run samples carry. */
export const MAX_DEPTH_LINES = SAMPLE_DEPTHS;
/** Snapshots spanned by the throughput estimate: smooths 30 Hz noise. */
const RATE_WINDOW = 15;

const S = SAMPLE_ROW.at;

export interface DepthLine {
  nodeIndex: number;
  label: string;
}

export class SeriesStore {
  readonly time = new Float64Array(SERIES_CAPACITY);
  readonly throughput = new Float64Array(SERIES_CAPACITY);
  readonly p50 = new Float64Array(SERIES_CAPACITY);
  readonly p95 = new Float64Array(SERIES_CAPACITY);
  readonly p99 = new Float64Array(SERIES_CAPACITY);
  readonly depth: Float64Array[] = Array.from(
    { length: MAX_DEPTH_LINES },
    () => new Float64Array(SERIES_CAPACITY),
  );
  length = 0;
  /** Bumped on every change, for chart redraw checks. */
  version = 0;
  depthLines: DepthLine[] = [];
  private epoch = -1;
  private readonly recentT = new Float64Array(RATE_WINDOW);
  private readonly recentC = new Float64Array(RATE_WINDOW);
  private recent = 0;

  /** Chooses which nodes' depth to chart (buses, by label); takes effect from the next epoch. */
  constructor(private readonly pickDepthLines: (nodeIds: readonly string[]) => DepthLine[]) {}

  /** Feed from RunClient.onSnapshot. */
  readonly add = (h: SnapshotHolder): void => {
    const s = h.snapshot;
    if (!s || !h.layout) return;
    if (h.epoch !== this.epoch) {
      this.epoch = h.epoch;
      this.length = 0;
      this.recent = 0;
      this.depthLines = this.pickDepthLines(h.layout.nodeIds).slice(0, MAX_DEPTH_LINES);
    }
    // A fast run sends samples taken at even simulated intervals between snapshots.
    const rows = s.samples;
    if (rows) {
      for (let o = 0; o < rows.length; o += SAMPLE_STRIDE) {
        const i = this.slot(rows[o + S.time]!);
        if (i < 0) continue;
        this.rate(i, rows[o + S.time]!, rows[o + S.completed]!);
        this.p50[i] = rows[o + S.p50]!;
        this.p95[i] = rows[o + S.p95]!;
        this.p99[i] = rows[o + S.p99]!;
        for (let d = 0; d < this.depthLines.length; d++) this.depth[d]![i] = rows[o + SAMPLE_ROW.size + d]!;
      }
      this.version++;
    }
    const i = this.slot(s.time);
    if (i < 0) return;
    this.rate(i, s.time, s.buffers.totals[TOTALS.at.completed]!);
    const e = s.buffers.endToEnd;
    this.p50[i] = e[STATS.at.p50]!;
    this.p95[i] = e[STATS.at.p95]!;
    this.p99[i] = e[STATS.at.p99]!;
    for (let d = 0; d < this.depthLines.length; d++) {
      this.depth[d]![i] = s.buffers.nodes[this.depthLines[d]!.nodeIndex * NODE_ROW.size + NODE_ROW.at.depth]!;
    }
    this.version++;
  };

  /** A copy of what the charts show now, to pin as a baseline (the arrays here are reused). */
  copy(): BaselineSeries {
    const n = this.length;
    return {
      time: this.time.slice(0, n),
      throughput: this.throughput.slice(0, n),
      p50: this.p50.slice(0, n),
      p95: this.p95.slice(0, n),
      p99: this.p99.slice(0, n),
      depth: this.depthLines.map((_, d) => this.depth[d]!.slice(0, n)),
      depthLabels: this.depthLines.map((d) => d.label),
    };
  }

  /** The index for a new sample at `time`, or -1 if time has not moved on. */
  private slot(time: number): number {
    const n = this.length;
    if (n > 0 && time <= this.time[n - 1]!) return -1;
    if (n === SERIES_CAPACITY) this.halve();
    const i = this.length++;
    this.time[i] = time;
    return i;
  }

  /** Throughput at sample `i`: completions per simulated second over the last few samples. */
  private rate(i: number, time: number, completed: number): void {
    // The ring's oldest entry is the one about to be overwritten (or slot 0 while filling).
    const w = this.recent % RATE_WINDOW;
    const oldest = this.recent >= RATE_WINDOW ? w : 0;
    const t0 = this.recent > 0 ? this.recentT[oldest]! : time;
    const c0 = this.recent > 0 ? this.recentC[oldest]! : completed;
    this.recentT[w] = time;
    this.recentC[w] = completed;
    this.recent++;
    const dt = time - t0;
    this.throughput[i] = dt > 0 ? (completed - c0) / dt : 0;
  }

  private halve(): void {
    const keep = (a: Float64Array): void => {
      for (let j = 0; j < SERIES_CAPACITY / 2; j++) a[j] = a[2 * j + 1]!;
    };
    keep(this.time);
    keep(this.throughput);
    keep(this.p50);
    keep(this.p95);
    keep(this.p99);
    for (const d of this.depth) keep(d);
    this.length = SERIES_CAPACITY / 2;
  }
}
