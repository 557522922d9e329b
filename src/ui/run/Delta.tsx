// The change from the pinned baseline beside a figure: signed, with an arrow, and said in words
// for screen readers ("worse than the baseline"), so neither colour nor the arrow carries it alone.
import { formatAmount, formatCount, formatDuration } from '../../model/format';

/** Which way is better for a figure; "neither" for ones that are not good or bad by themselves (traffic). */
export type Better = 'lower' | 'higher' | 'neither';
export type DeltaKind = 'count' | 'time' | 'share';

const MINUS = '\u2212';

function magnitude(d: number, kind: DeltaKind): string {
  const a = Math.abs(d);
  if (kind === 'time') return formatDuration(a);
  if (kind === 'share') return `${formatAmount(a * 100)} pp`;
  return Number.isInteger(a) ? formatCount(a) : formatAmount(a);
}

/** The change as text, or null when either figure is missing: "+12 ms", "−3 pp", "±0". */
export function deltaText(now: number | undefined, base: number | undefined, kind: DeltaKind): string | null {
  if (now === undefined || base === undefined || !Number.isFinite(now) || !Number.isFinite(base)) return null;
  const d = now - base;
  if (d === 0) return '±0';
  return `${d > 0 ? '+' : MINUS}${magnitude(d, kind)}`;
}

interface Props {
  now: number | undefined;
  base: number | undefined;
  kind: DeltaKind;
  better: Better;
}

export function Delta({ now, base, kind, better }: Props) {
  const text = deltaText(now, base, kind);
  if (text === null) return null;
  const d = now! - base!;
  const verdict =
    d === 0 || better === 'neither' ? 'same' : (better === 'lower') === d < 0 ? 'better' : 'worse';
  const shown =
    kind === 'time'
      ? formatDuration(base)
      : kind === 'share'
        ? `${formatAmount(base! * 100)}%`
        : formatAmount(base);
  return (
    <span className={`delta delta--${verdict}`} data-delta={verdict} title={`Baseline: ${shown}`}>
      {d !== 0 && (
        <span aria-hidden="true" className="delta__arrow">
          {d > 0 ? '▲' : '▼'}
        </span>
      )}
      {text}
      {verdict !== 'same' && <span className="sr-only"> ({verdict} than the baseline)</span>}
    </span>
  );
}
