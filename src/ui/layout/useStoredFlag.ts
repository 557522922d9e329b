// A yes/no preference remembered in this browser (the minimap shown or not).
import { useCallback, useState } from 'react';

export function useStoredFlag(key: string, initial: () => boolean): [boolean, (v: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const stored = localStorage.getItem(key);
      return stored === null ? initial() : stored === 'true';
    } catch {
      return initial();
    }
  });
  const set = useCallback(
    (v: boolean) => {
      setValue(v);
      try {
        localStorage.setItem(key, String(v));
      } catch {
        // Not remembered; still applied.
      }
    },
    [key],
  );
  return [value, set];
}
