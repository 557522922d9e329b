// Owns the simulation worker (and the sweep workers) for the app's lifetime and connects it to the document: snapshots
// feed the chart series and the live badges; edits made while a run is loaded go to the worker
// (applied live where meaningful, else listed as "applies on reset").
import { useStoreApi } from '@xyflow/react';
import { type ReactNode, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS } from '../../model/defaults';
import { isBusKind, type Flow } from '../../model/flow';
import { useAppStoreApi } from '../../store/useAppStore';
import { NodeBadgeContext } from '../nodes/NodeBadgeContext';
import { DotSpawner } from './dotSpawner';
import { LiveBadge } from './LiveBadge';
import { LiveBoard } from './liveBoard';
import { RunContext, type RunServices } from './runContext';
import { SeriesStore } from './series';
import { createWorkerClient } from './workerClient';
import { createSweepWorkers } from '../experiment/sweepWorkers';
import './run.css';

/** Edits arrive in bursts (typing in the inspector); the worker needs only the settled flow. */
const UPDATE_DEBOUNCE_MS = 150;
const BADGE_GAP_MS = 250;
/** Below this zoom badge text is unreadable; nodes then show only their heat. */
const BADGE_MIN_ZOOM = 0.45;

export function RunProvider({ children }: { children: ReactNode }) {
  const store = useAppStoreApi();
  const rf = useStoreApi();
  const [services, setServices] = useState<RunServices | null>(null);

  useEffect(() => {
    const { client, terminate } = createWorkerClient();
    const board = new LiveBoard();
    const series = new SeriesStore((nodeIds) => {
      const byId = new Map(store.getState().flow.nodes.map((n) => [n.id, n]));
      return nodeIds.flatMap((id, nodeIndex) => {
        const n = byId.get(id);
        return n && isBusKind(n.kind) ? [{ nodeIndex, label: n.label || n.id }] : [];
      });
    });
    board.setKinds(store.getState().flow.nodes);
    // The run's seed is the document's (settings.seed, edited in the toolbar or the Inspector).
    const seedOf = (f: Flow): number => f.settings?.seed ?? DEFAULT_SETTINGS.seed;
    client.setSeed(seedOf(store.getState().flow));
    const offSnapshot = client.onSnapshot(series.add);
    // Badges repaint nodes across the whole canvas; a few times a second reads as live and
    // leaves the frame budget to the dots.
    let lastBadges = -Infinity;
    const offState = client.subscribe(() => {
      store.getState().setRun(client.getState());
      const now = performance.now();
      if (now - lastBadges < BADGE_GAP_MS && client.getState().status === 'running') return;
      lastBadges = now;
      board.update(client.holder, rf.getState().transform[2] >= BADGE_MIN_ZOOM);
    });
    store.getState().setRun(client.getState());
    let timer = 0;
    const offFlow = store.subscribe((s, prev) => {
      if (s.flow === prev.flow) return;
      board.setKinds(s.flow.nodes);
      const status = client.getState().status;
      const loaded = status !== 'empty' && status !== 'error';
      window.clearTimeout(timer);
      if (seedOf(s.flow) !== seedOf(prev.flow)) {
        // A new seed restarts the run. The worker must have the edited flow first, so that the
        // restart rebuilds from it (a template or an import replaces the whole flow and its seed);
        // otherwise it would rewind the old flow and leave the edit "pending".
        if (loaded) client.update(s.flow);
        client.setSeed(seedOf(s.flow));
        return;
      }
      if (!loaded) return;
      timer = window.setTimeout(() => client.update(store.getState().flow), UPDATE_DEBOUNCE_MS);
    });
    const sweeps = createSweepWorkers();
    setServices({ client, series, board, rates: new DotSpawner(), sweeps });
    return () => {
      window.clearTimeout(timer);
      offFlow();
      offState();
      offSnapshot();
      terminate();
      sweeps.destroy();
    };
  }, [store, rf]);

  if (!services) return null;
  return (
    <RunContext value={services}>
      <NodeBadgeContext value={LiveBadge}>{children}</NodeBadgeContext>
    </RunContext>
  );
}
