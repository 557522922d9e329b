// A handler → dependency edge is a synchronous call, not a path for events: how many calls each
// job makes, how long the caller waits for an attempt, how many attempts a call gets and the wait
// between them (Flow JSON v2). Latency and filter do not apply to it (validate.ts refuses them), so
// the Inspector shows these fields instead, folded under one "Calls" heading.
import type { Backoff } from '../../model/delivery';
import type { FlowEdge } from '../../model/flow';
import type { EdgePatch } from '../../store/slices/flowSlice';
import { BackoffFields } from './BackoffFields';
import { CALL_DEFAULTS } from '../../model/flow';
import { describeCalls } from './callSummary';
import { edgeProblem } from '../../model/fieldCheck';
import { inMs, NumberField } from './NumberField';
import { Section } from './Section';
import { SelectField } from './SelectField';

/** What choosing a backoff starts from: 100 ms, a common first wait before retrying a call. */
const START_BACKOFF: Backoff = { initial: 0.1 };
const WAIT_NAMES = { now: 'At once', backoff: 'Exponential backoff' } as const;

interface Props {
  edge: FlowEdge;
  caller: string;
  dependency: string;
  update: (patch: EdgePatch) => void;
}

export function CallSection({ edge, caller, dependency, update }: Props) {
  const check =
    <K extends keyof EdgePatch>(key: K) =>
    (v: EdgePatch[K]) =>
      edgeProblem({ ...edge, [key]: v }, [key]);
  const retries = (edge.attempts ?? CALL_DEFAULTS.attempts) > 1 || edge.backoff !== undefined;
  return (
    <Section title="Calls" summary={describeCalls(edge)}>
      <p className="inspector__note">
        A synchronous call: each job of {caller} calls {dependency} during its service, and the worker waits
        for the answer.
      </p>
      <NumberField
        label="Calls per job"
        unit="calls"
        value={edge.calls}
        placeholder={String(CALL_DEFAULTS.calls)}
        check={check('calls')}
        onCommit={(calls) => update({ calls })}
        hint="Made one after another while the job is in service."
      />
      <NumberField
        label="Timeout"
        unit="ms"
        scale={1000}
        value={edge.timeout}
        placeholder="none: wait for the answer"
        check={check('timeout')}
        onCommit={(timeout) => update({ timeout })}
        rewordError={inMs}
        hint="The caller gives up on an attempt after this; the dependency still serves it, holding its slot."
      />
      <NumberField
        label="Attempts"
        unit="in all"
        value={edge.attempts}
        placeholder={`${CALL_DEFAULTS.attempts}: no retry`}
        check={check('attempts')}
        onCommit={(attempts) => update({ attempts })}
        hint="Per call, the first included. A failed or timed-out attempt is tried again; when none are left the job fails."
      />
      {retries && (
        <fieldset className="dist">
          <legend>Retries</legend>
          <SelectField
            label="Retry after"
            value={edge.backoff ? 'backoff' : 'now'}
            options={(['now', 'backoff'] as const).map((w) => ({ value: w, label: WAIT_NAMES[w] }))}
            onChange={(w) => update({ backoff: w === 'backoff' ? START_BACKOFF : undefined })}
          />
          {edge.backoff && (
            <BackoffFields
              value={edge.backoff}
              unit="ms"
              check={(backoff, key) => edgeProblem({ ...edge, backoff }, ['backoff', key])}
              onCommit={(backoff) => update({ backoff })}
            />
          )}
        </fieldset>
      )}
    </Section>
  );
}
