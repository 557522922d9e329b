import { NumberField } from './NumberField';

interface Props {
  value: number | undefined;
  check: (v: unknown) => string | null;
  onCommit: (v: number | undefined) => void;
  hint: string;
}

/** Capacity of a queue or topic subscription; empty means unbounded. */
export function BusCapacityField({ value, check, onCommit, hint }: Props) {
  return (
    <NumberField
      label="Capacity"
      unit="messages"
      value={value}
      placeholder="unbounded"
      check={check}
      onCommit={onCommit}
      hint={hint}
    />
  );
}
