// "Faults on this node" (or edge) in the Inspector: the faults aimed at it, each opening the
// Faults region on itself, and a way to add one here. Not "connection": the Inspector's heading for
// an edge is "Connection", and a second heading with that word would make it ambiguous.
import { DEFAULT_SETTINGS } from '../../model/defaults';
import { useAppStore } from '../../store/useAppStore';
import { faultWindow, newFault } from './faultEdits';

export function TargetFaults({ target, what }: { target: string; what: 'node' | 'edge' }) {
  const flow = useAppStore((s) => s.flow);
  const setFaults = useAppStore((s) => s.setFaults);
  const show = useAppStore((s) => s.showSideTab);
  const faults = flow.faults ?? [];
  const mine = faults.flatMap((f, i) => (f.target === target ? [{ f, i }] : []));
  const next = newFault(flow, flow.settings?.duration ?? DEFAULT_SETTINGS.duration, target);
  if (!mine.length && !next) return null;
  const title = `Faults on this ${what}`;
  return (
    <section className="target-faults" aria-label={title}>
      <h3 className="inspector__section">{title}</h3>
      {mine.length > 0 && (
        <ul className="connections">
          {mine.map(({ f, i }) => (
            <li key={i} className="connections__item">
              <button
                type="button"
                className="connections__open"
                aria-label={`Edit fault ${i + 1}: ${f.kind}, ${faultWindow(f)}`}
                onClick={() => show('faults', i)}
              >
                {f.kind} · {faultWindow(f)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <button
          type="button"
          className="button faults__add"
          onClick={() => {
            setFaults([...faults, next]);
            show('faults', faults.length);
          }}
        >
          Add fault here
        </button>
      )}
    </section>
  );
}
