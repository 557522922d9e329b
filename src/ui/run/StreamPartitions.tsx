// A stream's partitions in the Inspector: each one's lag now (from the snapshot) and on average
// (from the report), which worker of each consumer group owns it (round robin, from the flow's
// config), and the hottest one named in words. Up to MAX_LISTED partitions are drawn as small
// bars and listed; beyond that a summary says what a list would.
import { useMemo } from 'react';
import type { NodeOfKind } from '../../model/flow';
import { formatAmount, formatCount } from '../../model/format';
import { consumerGroups, type ConsumerGroup, hottestPartition, partitionOwner } from '../../model/partitions';
import { useAppStore } from '../../store/useAppStore';
import { Section } from '../inspector/Section';
import { useRun, useRunState } from './runContext';

/** Beyond this many partitions a bar each is too thin and a row each too long to read. */
const MAX_LISTED = 64;

/** Lag now per partition, copied out of the newest snapshot (its arrays go back to the worker). */
function useLagNow(nodeId: string): Float64Array | null {
  const { client } = useRun();
  useRunState((s) => s.time); // follow the run, at most ~10 times a second
  const layout = useRunState((s) => s.layout);
  const snapshot = client.holder.snapshot;
  const i = layout ? layout.nodeIds.indexOf(nodeId) : -1;
  if (!layout || !snapshot || i < 0) return null;
  return snapshot.buffers.partitions.slice(layout.partitionStart[i], layout.partitionStart[i + 1]);
}

const worker = (w: number) => `#${w + 1}`;
/** A short tag for the group's column ("A"), named in full in the list above the table. */
const tag = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : `G${i + 1}`);

/** "workers #7–#8 own none", for the workers a group has beyond its partitions. */
function idleNote(g: ConsumerGroup, partitions: number): string {
  const idle = g.workers - partitions;
  if (idle <= 0) {
    const each = Math.floor(partitions / g.workers);
    return partitions % g.workers === 0
      ? `each worker owns ${formatCount(each)}`
      : `workers own ${formatCount(each)} or ${formatCount(each + 1)} each`;
  }
  const range = idle === 1 ? worker(partitions) : `${worker(partitions)}–${worker(g.workers - 1)}`;
  return `worker${idle === 1 ? '' : 's'} ${range} own${idle === 1 ? 's' : ''} none and stay idle`;
}

/** The few partitions with the most lag, for a stream too wide to list: "partition 0 (961), 7 (435)". */
function busiest(lags: ArrayLike<number> | null): string {
  if (!lags) return '';
  const top = Array.from(lags, (lag, p) => ({ lag, p }))
    .filter((x) => x.lag > 0)
    .sort((a, b) => b.lag - a.lag || a.p - b.p)
    .slice(0, 5);
  return top.length ? `partition ${top.map((x) => `${x.p} (${formatAmount(x.lag)})`).join(', ')}` : '';
}

export function StreamPartitions({ node }: { node: NodeOfKind<'stream'> }) {
  const flow = useAppStore((s) => s.flow);
  const groups = useMemo(() => consumerGroups(flow, node.id), [flow, node.id]);
  const report = useRunState((s) => s.report?.nodes[node.id]?.partitions);
  const now = useLagNow(node.id);
  const count = node.config.partitions;
  const mean = report?.length === count ? report.map((p) => p.depthMean) : null;
  const lagNow = now?.length === count ? now : null;
  // Hot is a property over time: the mean once a report has one, else what waits now.
  const hot = hottestPartition(mean ?? lagNow ?? []);
  const owners = (p: number) => groups.map((g) => `${worker(partitionOwner(p, g.workers))} of ${g.label}`);

  let headline: string;
  if (!groups.length) headline = 'No consumer group yet: connect the stream to a handler.';
  else if (!lagNow) headline = 'Run the flow to see each partition’s lag.';
  else if (hot < 0) headline = 'No lag: every partition is keeping up.';
  else {
    const detail = mean
      ? `mean lag ${formatAmount(mean[hot])}, ${formatCount(lagNow[hot])} now`
      : `lag ${formatCount(lagNow[hot])} now`;
    headline = `Hottest: partition ${hot} (${detail}), owned by worker ${owners(hot).join(', worker ')}.`;
  }
  const max = lagNow ? Math.max(1, ...lagNow) : 1;
  const most = count > MAX_LISTED ? busiest(mean ?? lagNow) : '';

  return (
    <Section title="Partitions" summary={headline}>
      <p className="partitions__headline" data-testid="hot-partition">
        {headline}
      </p>
      {groups.length > 0 && (
        <ul className="partitions__groups">
          {groups.map((g, i) => (
            <li key={g.edgeId}>
              <strong>
                {tag(i)} · {g.label}
              </strong>
              : {formatCount(g.workers)} worker{g.workers === 1 ? '' : 's'} for {formatCount(count)} partition
              {count === 1 ? '' : 's'}, round robin; {idleNote(g, count)}.
            </li>
          ))}
        </ul>
      )}
      {count > MAX_LISTED ? (
        <p className="inspector__note">
          {formatCount(count)} partitions: too many to list one by one.
          {most && ` Most lag${mean ? ' (mean)' : ' now'}: ${most}.`} In a group of c workers, worker #1 owns
          partitions 0, c, 2c, …, worker #2 owns 1, c + 1, 2c + 1, …, and so on.
        </p>
      ) : (
        groups.length > 0 && (
          <>
            {lagNow && (
              <div className="partitions__bars" aria-hidden="true">
                {Array.from(lagNow, (lag, p) => (
                  <i
                    key={p}
                    className={p === hot ? 'is-hot' : undefined}
                    style={{ height: `${Math.max(2, (lag / max) * 100)}%` }}
                  />
                ))}
              </div>
            )}
            <div className="partitions__table-wrap">
              <table className="partitions__table" aria-label={`Partitions of ${node.label || node.id}`}>
                <thead>
                  <tr>
                    <th scope="col">Partition</th>
                    <th scope="col">Lag now</th>
                    <th scope="col">Mean</th>
                    {groups.map((g, i) => (
                      <th
                        scope="col"
                        key={g.edgeId}
                        aria-label={`Owner in ${g.label}`}
                        title={`The worker of ${g.label} that owns the partition`}
                      >
                        {tag(i)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {Array.from({ length: count }, (_, p) => (
                    <tr key={p} className={p === hot ? 'is-hot' : undefined} data-partition={p}>
                      <th scope="row">
                        {p}
                        {p === hot && <span className="partitions__hot"> hottest</span>}
                      </th>
                      <td>{lagNow ? formatCount(lagNow[p]) : '–'}</td>
                      <td>{mean ? formatAmount(mean[p]) : '–'}</td>
                      {groups.map((g) => (
                        <td key={g.edgeId}>{worker(partitionOwner(p, g.workers))}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )
      )}
    </Section>
  );
}
