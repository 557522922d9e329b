// "Broker preset": fills a queue's, topic's or stream's delivery fields (and its consumers'
// prefetch) with a real broker's documented defaults, as one undoable edit. The choice shown is
// read from the fields themselves, so editing one of them turns it back to "Custom"; the preset
// that matches says where its values come from.
import type { FlowNode } from '../../model/flow';
import { matchingPreset, presetById, presetsFor } from '../../model/brokerPresets';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { SelectField } from './SelectField';

const CUSTOM = '';

export function BrokerPresetField({ node }: { node: FlowNode }) {
  const store = useAppStoreApi();
  const matched = useAppStore((s) => matchingPreset(s.flow, node.id)?.id ?? CUSTOM);
  const presets = presetsFor(node.kind);
  const current = presetById(matched);
  return (
    <div className="preset">
      <SelectField
        label="Broker preset"
        value={matched}
        options={[
          ...(current ? [] : [{ value: CUSTOM, label: 'Custom' }]),
          ...presets.map((p) => ({ value: p.id, label: p.name })),
        ]}
        onChange={(id) => {
          const p = presetById(id);
          if (!p) return;
          store.getState().applyBrokerPreset(node.id, id);
          store.getState().announce(`Applied the ${p.name} preset.`);
        }}
        hint={current ? undefined : "Fills the delivery fields with a broker's documented defaults."}
      />
      {current && (
        <>
          <p className="preset__source" data-testid="preset-source">
            Source: {current.source}
          </p>
          <details className="preset__notes">
            <summary>Where each value comes from</summary>
            <ul>
              {current.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  );
}
