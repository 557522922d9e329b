// The live figures under a node (depth bar, busy workers or waiting messages and their age, a
// stream's hottest partition, alarm counters). Rendered once by React; the LiveBoard fills it in
// by direct DOM writes while a run goes.
import { useEffect, useRef } from 'react';
import { useRun } from './runContext';

export function LiveBadge({ nodeId }: { nodeId: string }) {
  const { board } = useRun();
  const root = useRef<HTMLDivElement>(null);
  const fill = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLSpanElement>(null);
  const hot = useRef<HTMLSpanElement>(null);
  const alarms = useRef<HTMLSpanElement>(null);

  useEffect(
    () =>
      board.register(nodeId, {
        root: root.current!,
        fill: fill.current!,
        bar: bar.current!,
        main: main.current!,
        hot: hot.current!,
        alarms: alarms.current!,
      }),
    [board, nodeId],
  );

  return (
    <div ref={root} className="ef-live" data-live-node={nodeId} hidden>
      <div ref={bar} className="ef-live__bar" hidden>
        <div ref={fill} className="ef-live__fill" />
      </div>
      <span ref={main} className="ef-live__main" />
      <span ref={hot} className="ef-live__hot" />
      <span ref={alarms} className="ef-live__alarms" />
    </div>
  );
}
