// Run, Pause, Step, Reset, Speed, Seed, the simulated clock and (fast mode) progress: the runtime's
// part of the toolbar. Errors from the worker show as an alert naming the node and the reason.
import { DEFAULT_SETTINGS } from '../../model/defaults';
import { settingsProblem } from '../../model/fieldCheck';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { numberRules } from '../inspector/NumberField';
import { useDraft } from '../inspector/useDraft';
import { RunAlert } from './RunAlert';
import { RunButton } from './RunButton';
import { useRunState } from './runContext';
import { formatClock, parseSpeed, SPEEDS, FAST, speedValue } from './speeds';
import { useRunCommands } from './useRunCommands';
import { RUN_KEYS, useRunShortcuts } from './useRunShortcuts';

export function RunControls() {
  const cmd = useRunCommands();
  const status = useRunState((s) => s.status);
  const mode = useRunState((s) => s.mode);
  const speed = useRunState((s) => s.speed);
  const time = useRunState((s) => s.time);
  const progress = useRunState((s) => s.progress);
  const pending = useRunState((s) => s.pendingReset);
  const empty = useAppStore((s) => s.flow.nodes.length === 0);
  const seed = useSeedDraft();
  useRunShortcuts(cmd);

  const running = status === 'running';

  return (
    <div className="run-controls">
      <RunButton
        label="Run"
        icon="run"
        className="run-controls__run"
        disabled={running || empty}
        shortcut={RUN_KEYS.runPause}
        onClick={() => cmd.run(mode, speed)}
      />
      <RunButton
        label="Pause"
        icon="pause"
        disabled={!running}
        shortcut={RUN_KEYS.runPause}
        onClick={cmd.pause}
      />
      <RunButton
        label="Step"
        icon="step"
        title="Step: advance one event"
        disabled={running || empty}
        shortcut={RUN_KEYS.step}
        onClick={cmd.step}
      />
      <RunButton
        label="Reset"
        icon="reset"
        title="Reset to time 0"
        disabled={empty}
        shortcut={RUN_KEYS.reset}
        onClick={cmd.reset}
      />
      <label className="run-controls__field" title="Speed: simulated seconds per wall-clock second">
        <select
          aria-label="Speed"
          value={speedValue(mode, speed)}
          onChange={(e) => {
            const next = parseSpeed(e.currentTarget.value);
            cmd.setSpeed(next.mode, next.speed);
          }}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
          <option value={FAST}>Fastest</option>
        </select>
      </label>
      <label className={`run-controls__field${seed.error ? ' is-invalid' : ''}`}>
        <span>Seed</span>
        <input
          aria-label="Seed"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          title={
            seed.error ?? 'Seed of the random numbers: the same seed gives the same run (saved in the flow)'
          }
          aria-invalid={seed.error ? true : undefined}
          {...seed.input}
        />
      </label>
      <span className="run-controls__clock-wrap">
        <span className="run-controls__clock" role="timer" aria-label="Simulated clock">
          t = {formatClock(time)}
        </span>
        {mode === 'fast' && status !== 'empty' && (
          <progress aria-label="Simulation progress" max={1} value={progress} />
        )}
      </span>
      {pending.length > 0 && (
        <span className="run-controls__pending" title={pending.join('\n')}>
          Some edits apply on reset
        </span>
      )}
      <RunAlert />
    </div>
  );
}

/**
 * The toolbar's Seed edits the flow's settings.seed (one undo step, saved with the flow, so the
 * command line runs an exported flow with the seed the browser used); the run follows the flow.
 */
function useSeedDraft() {
  const store = useAppStoreApi();
  const settings = useAppStore((s) => s.flow.settings);
  const stored: number | undefined = settings?.seed ?? DEFAULT_SETTINGS.seed;
  const check = (v: number | undefined) =>
    v === undefined ? 'must be a whole number ≥ 0' : settingsProblem({ ...settings, seed: v }, 'seed');
  return useDraft(stored, numberRules(1, check), (seed) =>
    store.getState().setSettings({ ...store.getState().flow.settings, seed }),
  );
}
