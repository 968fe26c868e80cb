import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs` (issue #17): a search box asks once a
 * person pauses, not on every keystroke, so requests never queue behind each other. Responses to
 * an older value are dropped by useQuery, which answers only the latest input.
 */
export function useDebouncedValue<T>(value: T, delayMs = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
