/**
 * The benchmark's own options (issue #17): --only runs chosen steps, --compare prints a ratio per
 * operation against a saved run, so a regression is visible in one run.
 */
import { compareWith, parseArgs, UsageError } from '../../bench/run-bench';
import { ok } from '../../bench/result';
import { summarise } from '../../bench/measure';

const result = (name: string, medianMs: number) => ok('screens', name, summarise([medianMs], 0));

test('--only takes known steps and refuses others, naming them', () => {
  expect([...parseArgs(['--only', 'screens,exports']).only!]).toEqual(['screens', 'exports']);
  expect(() => parseArgs(['--only', 'screens,speed'])).toThrow(UsageError);
  expect(() => parseArgs(['--only', 'screens,speed'])).toThrow(/not speed/);
  expect(parseArgs(['--compare', 'base.json']).compare).toBe('base.json');
});

test('--compare prints now/then per operation and marks what got slower', () => {
  const text = compareWith([result('Search', 30), result('Overview', 10), result('New op', 5)], {
    scale: 'L',
    measuredAt: '2026-12-01T10:00:00Z',
    results: [result('Search', 10), result('Overview', 10), result('Gone', 1)],
  });
  expect(text).toContain('- Search: 3.00× (10.0 → 30.0 ms)  ← slower');
  expect(text).toContain('- Overview: 1.00× (10.0 → 10.0 ms)');
  expect(text).toContain('- New op: new');
  expect(text).toContain('- Gone: not measured this time');
});
