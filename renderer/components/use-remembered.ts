/**
 * A screen's filter or sort that survives navigating away and back (issue #15: filters reset on
 * navigation). Kept for this window's session only (sessionStorage): a fresh start shows
 * everything, and nothing about the workbook outlives the app.
 */
import { useCallback, useState } from 'react';

const PREFIX = 'evidence-workbook.view.';

function read<T>(key: string, fallback: T): T {
  try {
    const raw = window.sessionStorage.getItem(PREFIX + key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

export function useRemembered<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => read(key, initial));
  const set = useCallback(
    (next: T) => {
      setValue(next);
      try {
        window.sessionStorage.setItem(PREFIX + key, JSON.stringify(next));
      } catch {
        // Storage can be full or disabled; the filter still works for this visit.
      }
    },
    [key],
  );
  return [value, set];
}
