// The selected node's connections, and a keyboard path to make new ones: "Connect to" lists the
// nodes its output may go to (what the canvas would accept), "Connect from" the nodes that may
// feed it. Each existing connection opens in the Inspector or is removed with one button.
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { connectionProblem } from '../../model/connect';
import type { FlowNode } from '../../model/flow';
import { MODEL_KINDS } from '../../model/kinds';
import type { AppStore } from '../../store/createAppStore';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { connectNodes } from '../hooks/connectNodes';
import { Field } from './Field';

const SEP = '\u0000';
const pack = (id: string, label: string) => `${id}${SEP}${label}`;
const unpack = (s: string) => s.split(SEP) as [string, string];

export function ConnectionsSection({ node }: { node: FlowNode }) {
  const store = useAppStoreApi();
  const kind = MODEL_KINDS[node.kind];
  // Strings, so the lists compare equal (and nothing re-renders) until a connection or name changes.
  const outs = useAppStore(useShallow((s) => links(s.flow, node.id, 'out')));
  const ins = useAppStore(useShallow((s) => links(s.flow, node.id, 'in')));
  const targets = useAppStore(useShallow((s) => candidates(s.flow, node.id, 'out')));
  const sources = useAppStore(useShallow((s) => candidates(s.flow, node.id, 'in')));

  return (
    <>
      <h3 className="inspector__section">Connections</h3>
      {kind.output.open && (
        <>
          <LinkList store={store} title="Sends to" items={outs} direction="to" />
          <ConnectPicker
            label="Connect to"
            direction="to"
            options={targets}
            onPick={(id) => connectNodes(store, node.id, id)}
          />
        </>
      )}
      {kind.input.open && (
        <>
          <LinkList store={store} title="Receives from" items={ins} direction="from" />
          <ConnectPicker
            label="Connect from"
            direction="from"
            options={sources}
            onPick={(id) => connectNodes(store, id, node.id)}
          />
        </>
      )}
    </>
  );
}

/** "edgeId\0other node's label" for each edge leaving (out) or entering (in) the node. */
function links(
  flow: { nodes: FlowNode[]; edges: { id: string; source: string; target: string }[] },
  id: string,
  dir: 'in' | 'out',
) {
  const label = new Map(flow.nodes.map((n) => [n.id, n.label || n.id]));
  return flow.edges
    .filter((e) => (dir === 'out' ? e.source === id : e.target === id))
    .map((e) => pack(e.id, label.get(dir === 'out' ? e.target : e.source) ?? ''));
}

/** "nodeId\0label" for each node a new edge may go to (out) or come from (in). */
function candidates(flow: Parameters<typeof connectionProblem>[0], id: string, dir: 'in' | 'out') {
  return flow.nodes
    .filter((n) =>
      dir === 'out' ? connectionProblem(flow, id, n.id) === null : connectionProblem(flow, n.id, id) === null,
    )
    .map((n) => pack(n.id, n.label || n.id));
}

function LinkList({
  store,
  title,
  items,
  direction,
}: {
  store: AppStore;
  title: string;
  items: string[];
  direction: 'to' | 'from';
}) {
  if (!items.length) return null;
  const open = (edgeId: string): void => {
    store.getState().setSelection({ nodes: [], edges: [edgeId] });
    // The list goes away with the node's fields: keep the keyboard in the Inspector.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-inspector-title]')?.focus());
  };
  const remove = (edgeId: string, other: string): void => {
    store.getState().deleteElements({ nodes: [], edges: [edgeId] });
    store.getState().announce(`Removed the connection ${direction} ${other}.`);
  };
  return (
    <>
      <p className="field__label" aria-hidden="true">
        {title}
      </p>
      <ul className="connections" aria-label={title}>
        {items.map((item) => {
          const [edgeId, other] = unpack(item);
          return (
            <li key={edgeId} className="connections__item">
              <button
                type="button"
                className="connections__open"
                aria-label={`Open connection ${direction} ${other}`}
                onClick={() => open(edgeId)}
              >
                <span aria-hidden="true">{direction === 'to' ? '→' : '←'}</span> {other}
              </button>
              <button
                type="button"
                className="connections__remove"
                aria-label={`Remove connection ${direction} ${other}`}
                title="Remove this connection"
                onClick={() => remove(edgeId, other)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function ConnectPicker({
  label,
  direction,
  options,
  onPick,
}: {
  label: string;
  direction: 'to' | 'from';
  options: string[];
  onPick: (nodeId: string) => boolean;
}) {
  const [choice, setChoice] = useState('');
  const select = useRef<HTMLSelectElement>(null);
  const valid = options.some((o) => unpack(o)[0] === choice);
  return (
    <div className="connect-picker">
      <Field label={label}>
        <select
          ref={select}
          className="input select"
          value={valid ? choice : ''}
          onChange={(e) => setChoice(e.currentTarget.value)}
        >
          <option value="">
            {options.length
              ? 'Choose a node…'
              : direction === 'to'
                ? 'No node can take a connection from here'
                : 'No node can connect into this one'}
          </option>
          {options.map((o) => {
            const [id, name] = unpack(o);
            return (
              <option key={id} value={id}>
                {name === id ? id : `${name} (${id})`}
              </option>
            );
          })}
        </select>
      </Field>
      <button
        type="button"
        className="button connect-picker__go"
        aria-label={`Connect ${direction} the chosen node`}
        aria-disabled={!valid}
        onClick={() => {
          if (!valid) return;
          if (onPick(choice)) setChoice('');
          select.current?.focus();
        }}
      >
        Connect
      </button>
    </div>
  );
}
