/** Drops unset keys; an object left empty is no object at all, so the file holds only what was chosen. */
export function clean<T extends object>(o: T): T | undefined {
  const kept = Object.entries(o).filter(([, v]) => v !== undefined);
  return kept.length ? (Object.fromEntries(kept) as T) : undefined;
}
