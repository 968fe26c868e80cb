/**
 * The benchmark's "Overview as the screen calls it" (issue #17) makes exactly the calls the
 * Overview screen makes: a call added to or removed from the screen fails here until the bench
 * measures it too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OVERVIEW_CALLS } from '../../bench/ops/reads';

test('the bench measures the channels the Overview screen calls', () => {
  const dir = path.resolve(import.meta.dirname, '../../renderer/screens/overview');
  // Every file of the screen's folder: a panel split out of the screen still counts.
  const source = readdirSync(dir)
    .filter((f) => f.endsWith('.tsx') || f.endsWith('.ts'))
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
  const called = new Set([...source.matchAll(/use(?:Query|Load)\(\s*'([a-z]+:[a-zA-Z]+)'/g)].map((m) => m[1]!));
  expect([...called].sort()).toEqual([...OVERVIEW_CALLS].sort());
});
