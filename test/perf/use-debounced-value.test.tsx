// @vitest-environment jsdom
/**
 * The picker's typing delay (issue #17): a search box asks once a person pauses, so five quick
 * keystrokes make one request, not five queued behind each other.
 */
import { act, renderHook } from '@testing-library/react';
import { useDebouncedValue } from '../../renderer/components/use-debounced-value';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('only the value typed before a pause is passed on', () => {
  const seen: string[] = [];
  const { result, rerender } = renderHook(({ v }) => {
    const settled = useDebouncedValue(v, 250);
    if (seen.at(-1) !== settled) seen.push(settled);
    return settled;
  }, { initialProps: { v: '' } });
  for (const v of ['p', 'pa', 'par', 'pare', 'paren']) {
    rerender({ v });
    act(() => vi.advanceTimersByTime(100));
  }
  expect(result.current).toBe('');
  act(() => vi.advanceTimersByTime(250));
  expect(result.current).toBe('paren');
  expect(seen).toEqual(['', 'paren']);
});
