// The right-hand column: the Inspector, the flow's Faults, or the Experiment region, as tabs (arrow
// keys move between them). Selecting a node or a connection brings the Inspector back
// (selectionSlice). The Experiment tab widens the column: its charts need the room.
import { type KeyboardEvent, useId, useRef } from 'react';
import { useAppStore } from '../../store/useAppStore';
import type { SideTab } from '../../store/slices/uiSlice';
import { Inspector } from '../inspector/Inspector';
import { ExperimentPanel } from '../experiment/ExperimentPanel';
import { FaultsPanel } from '../scenarios/FaultsPanel';

const TABS: readonly SideTab[] = ['inspector', 'faults', 'experiment'];

export function SidePanel() {
  const tab = useAppStore((s) => s.sideTab);
  const show = useAppStore((s) => s.showSideTab);
  const faults = useAppStore((s) => s.flow.faults?.length ?? 0);
  const sweeping = useAppStore((s) => s.experimentTask !== null);
  const id = useId();
  const buttons = useRef<Partial<Record<SideTab, HTMLButtonElement | null>>>({});

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const step = e.key === 'ArrowRight' ? 1 : TABS.length - 1;
    const next = TABS[(TABS.indexOf(tab) + step) % TABS.length]!;
    show(next);
    buttons.current[next]?.focus();
  };
  const tabProps = (t: SideTab) => ({
    ref: (el: HTMLButtonElement | null) => {
      buttons.current[t] = el;
    },
    type: 'button' as const,
    role: 'tab',
    id: `${id}-${t}`,
    className: 'side__tab',
    'aria-selected': tab === t,
    'aria-controls': `${id}-panel`,
    tabIndex: tab === t ? 0 : -1,
    onClick: () => show(t),
  });

  return (
    <div className={`side${tab === 'experiment' ? ' side--wide' : ''}`}>
      <div className="side__tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        <button {...tabProps('inspector')}>Inspector</button>
        <button {...tabProps('faults')}>
          Faults
          {faults > 0 && <span className="side__count">{faults}</span>}
        </button>
        <button {...tabProps('experiment')}>
          Experiment
          {sweeping && (
            <span className="side__busy" title="A sweep is running">
              <span aria-hidden="true">●</span>
              <span className="sr-only">(running)</span>
            </span>
          )}
        </button>
      </div>
      <div className="side__panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'inspector' ? <Inspector /> : tab === 'faults' ? <FaultsPanel /> : <ExperimentPanel />}
      </div>
    </div>
  );
}
