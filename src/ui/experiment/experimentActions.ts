// Starting and stopping the Experiment region's tasks. They belong to the app, not to a component:
// a sweep goes on while another tab is shown, and its progress and results land in the store.
import type { AppStore } from '../../store/createAppStore';
import { SweepCancelled, type SweepPool } from '../../runtime/sweepPool';
import { findSmallest, runSweep, SweepHalted, type SweepRequest } from '../../runtime/sweeps';
import { formatCount } from '../../model/format';
import { planSweep, type SweepPlan } from './plan';
import { answerText } from './answer';
import { haltedText } from './halted';

/** Progress reaches React at most this often; a sweep of tiny runs finishes hundreds a second. */
const PROGRESS_GAP_MS = 100;

const now = () => performance.now();

function begin(store: AppStore, kind: 'sweep' | 'search'): { plan: SweepPlan; req: SweepRequest } | null {
  const s = store.getState();
  if (s.experimentTask) return null;
  const planned = planSweep(s.flow, s.experiment);
  if (!planned.ok) {
    s.failTask({ tone: 'error', text: planned.message });
    return null;
  }
  const { plan } = planned;
  const slos = s.flow.slos ?? [];
  if (kind === 'search' && !slos.length) {
    s.failTask({
      tone: 'error',
      text: 'Add an objective first: the search looks for the smallest value meeting it.',
    });
    return null;
  }
  s.beginTask(kind, kind === 'sweep' ? plan.runs : Math.ceil(Math.log2(plan.spec.values.length + 1)) + 1);
  return {
    plan,
    req: {
      flow: s.flow,
      spec: plan.spec,
      replications: plan.replications,
      seed: plan.seed,
      slos,
    },
  };
}

function stopped(store: AppStore, plan: SweepPlan, err: unknown): void {
  const s = store.getState();
  const task = s.experimentTask;
  if (err instanceof SweepHalted) {
    s.failTask({ tone: 'error', text: haltedText(plan.field, task?.kind ?? 'sweep', err) });
  } else if (err instanceof SweepCancelled) {
    const what = task?.kind === 'search' ? 'values tried' : 'runs';
    s.failTask({
      tone: 'info',
      text: `Cancelled after ${formatCount(task?.done)} of ${formatCount(task?.total)} ${what}.`,
    });
  } else {
    s.failTask({ tone: 'error', text: err instanceof Error ? err.message : String(err) });
  }
}

export async function startSweep(store: AppStore, pool: SweepPool): Promise<void> {
  const started = begin(store, 'sweep');
  if (!started) return;
  const { plan, req } = started;
  let last = -Infinity;
  try {
    const { document, cost } = await runSweep(pool, req, now, (done, total) => {
      const t = now();
      if (t - last < PROGRESS_GAP_MS && done < total) return;
      last = t;
      store.getState().progressTask(done, total);
    });
    const s = store.getState();
    s.endSweep({ document, cost, flow: req.flow, label: plan.field.label, settings: plan.settings });
    s.announce(`Sweep finished: ${formatCount(cost.runs)} runs.`);
  } catch (err) {
    stopped(store, plan, err);
  }
}

export async function startSearch(store: AppStore, pool: SweepPool): Promise<void> {
  const started = begin(store, 'search');
  if (!started) return;
  const { plan, req } = started;
  try {
    const outcome = await findSmallest(pool, req, now, (tried, value) =>
      store.getState().progressTask(tried, store.getState().experimentTask?.total ?? tried + 1, value),
    );
    const s = store.getState();
    const record = {
      outcome,
      flow: req.flow,
      label: plan.field.label,
      settings: plan.settings,
      cost: outcome.cost,
      slos: [...req.slos],
    };
    s.endSearch(record);
    s.announce(answerText(record));
  } catch (err) {
    stopped(store, plan, err);
  }
}
