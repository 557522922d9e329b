// With nothing selected, the inspector edits the flow itself: its name and simulation settings.
import { useShallow } from 'zustand/react/shallow';
import { DEFAULT_SETTINGS } from '../../model/defaults';
import { settingsProblem } from '../../model/fieldCheck';
import type { FlowSettings } from '../../model/flow';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { NumberField } from './NumberField';
import { TextField } from './TextField';

export function FlowInspector() {
  const store = useAppStoreApi();
  const { name, settings, nodes, edges } = useAppStore(
    useShallow((s) => ({
      name: s.flow.name,
      settings: s.flow.settings,
      nodes: s.flow.nodes.length,
      edges: s.flow.edges.length,
    })),
  );
  const current: FlowSettings = settings ?? {};
  const edit = (key: 'seed' | 'duration' | 'warmup') => ({
    value: current[key],
    check: (v: number | undefined) => settingsProblem({ ...current, [key]: v }, key),
    onCommit: (v: number | undefined) => store.getState().setSettings({ ...current, [key]: v }),
  });
  return (
    <>
      <div className="inspector__head">
        <div>
          <h2 className="inspector__title" tabIndex={-1} data-inspector-title>
            Flow
          </h2>
          <p className="inspector__id">
            {nodes} node{nodes === 1 ? '' : 's'} · {edges} connection{edges === 1 ? '' : 's'}
          </p>
        </div>
      </div>
      <div className="inspector__fields">
        <TextField label="Flow name" value={name} onCommit={(v) => store.getState().setName(v ?? '')} />
        <h3 className="inspector__section">Simulation</h3>
        <NumberField label="Seed" {...edit('seed')} placeholder={String(DEFAULT_SETTINGS.seed)} />
        <NumberField
          label="Duration"
          unit="s"
          {...edit('duration')}
          placeholder={String(DEFAULT_SETTINGS.duration)}
        />
        <NumberField
          label="Warm-up"
          unit="s"
          {...edit('warmup')}
          placeholder={String(DEFAULT_SETTINGS.warmup)}
          hint="Figures ignore this first stretch of simulated time."
        />
        <p className="inspector__note">Select a node or connection to edit it.</p>
      </div>
    </>
  );
}
