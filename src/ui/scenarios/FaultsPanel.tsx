// The "Faults" region: the flow's faults, each edited in place (every committed edit one undo
// step, as in the Inspector), added and removed. They belong to the flow document, so they are
// saved, exported and imported with it.
import { useEffect, useRef } from 'react';
import { DEFAULT_SETTINGS } from '../../model/defaults';
import type { Fault } from '../../model/faults';
import { useAppStore } from '../../store/useAppStore';
import { FaultCard } from './FaultCard';
import { newFault } from './faultEdits';

const NO_FAULTS: readonly Fault[] = [];

export function FaultsPanel() {
  const flow = useAppStore((s) => s.flow);
  const setFaults = useAppStore((s) => s.setFaults);
  const focus = useAppStore((s) => s.faultFocus);
  const clearFocus = useAppStore((s) => s.clearFaultFocus);
  const show = useAppStore((s) => s.showSideTab);
  const list = useRef<HTMLOListElement>(null);
  const faults = flow.faults ?? NO_FAULTS;
  const duration = flow.settings?.duration ?? DEFAULT_SETTINGS.duration;
  const next = newFault(flow, duration);

  // Brought to a fault (a new one, or from a node's "Faults on this node"): the keyboard goes to it.
  useEffect(() => {
    if (focus === null) return;
    list.current?.querySelector<HTMLElement>(`[data-fault="${focus}"] select`)?.focus();
    clearFocus();
  }, [focus, clearFocus]);

  const add = () => {
    if (!next) return;
    setFaults([...faults, next]);
    show('faults', faults.length);
  };

  return (
    <section className="inspector faults" aria-label="Faults">
      <div className="inspector__head">
        <div>
          <h2 className="inspector__title">Faults</h2>
          <p className="inspector__id">
            {faults.length
              ? `${faults.length} in this flow`
              : 'Crashes, pauses, slowdowns and outages on a timeline'}
          </p>
        </div>
      </div>
      <div className="inspector__fields">
        <button type="button" className="button faults__add" onClick={add} disabled={!next}>
          Add fault
        </button>
        {!next && (
          <p className="inspector__note">Add a handler, a bus or a connection for a fault to act on.</p>
        )}
        {faults.length > 0 ? (
          <ol className="faults__list" ref={list}>
            {faults.map((f, i) => (
              <FaultCard
                key={i}
                index={i}
                fault={f}
                faults={faults}
                flow={flow}
                onChange={(changed) => setFaults(faults.map((g, j) => (j === i ? changed : g)))}
                onRemove={() => setFaults(faults.filter((_, j) => j !== i))}
              />
            ))}
          </ol>
        ) : (
          <p className="inspector__note">
            Each fault acts on one node or connection for a window of the run: a handler crashes, pauses,
            slows down or fails; a connection is cut or slowed; a queue, topic or stream goes down. The run
            shows each window on the timeline and what it cost in the fault summary.
          </p>
        )}
      </div>
    </section>
  );
}
