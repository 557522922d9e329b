// Run, Pause, Step, Reset, Speed, Seed, the simulated clock and (fast mode) progress: the runtime's
// part of the toolbar. Errors from the worker show as an alert naming the node and the reason.
import { useState } from 'react';
import { useAppStore } from '../../store/useAppStore';
import { RunAlert } from './RunAlert';
import { RunButton } from './RunButton';
import { useRunState } from './runContext';
import { formatClock, parseSpeed, SPEEDS, FAST, speedValue } from './speeds';
import { useRunCommands } from './useRunCommands';

export function RunControls() {
  const cmd = useRunCommands();
  const status = useRunState((s) => s.status);
  const mode = useRunState((s) => s.mode);
  const speed = useRunState((s) => s.speed);
  const seed = useRunState((s) => s.seed);
  const time = useRunState((s) => s.time);
  const progress = useRunState((s) => s.progress);
  const pending = useRunState((s) => s.pendingReset);
  const empty = useAppStore((s) => s.flow.nodes.length === 0);
  const [seedText, setSeedText] = useState<string | null>(null);

  const running = status === 'running';
  const commitSeed = (): void => {
    if (seedText === null) return;
    const n = Number(seedText);
    if (Number.isInteger(n) && n >= 0) cmd.setSeed(n);
    setSeedText(null);
  };

  return (
    <div className="run-controls">
      <RunButton
        label="Run"
        icon="run"
        className="run-controls__run"
        disabled={running || empty}
        onClick={() => cmd.run(mode, speed)}
      />
      <RunButton label="Pause" icon="pause" disabled={!running} onClick={cmd.pause} />
      <RunButton
        label="Step"
        icon="step"
        title="Step: advance one event"
        disabled={running || empty}
        onClick={cmd.step}
      />
      <RunButton label="Reset" icon="reset" disabled={empty} onClick={cmd.reset} />
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
      <label className="run-controls__field">
        <span>Seed</span>
        <input
          aria-label="Seed"
          type="number"
          min={0}
          step={1}
          value={seedText ?? String(seed)}
          onChange={(e) => setSeedText(e.currentTarget.value)}
          onBlur={commitSeed}
          onKeyDown={(e) => e.key === 'Enter' && commitSeed()}
        />
      </label>
      <span className="run-controls__clock" role="timer" aria-label="Simulated clock">
        t = {formatClock(time)}
      </span>
      {mode === 'fast' && status !== 'empty' && (
        <progress aria-label="Simulation progress" max={1} value={progress} />
      )}
      {pending.length > 0 && (
        <span className="run-controls__pending" title={pending.join('\n')}>
          Some edits apply on reset
        </span>
      )}
      <RunAlert />
    </div>
  );
}
