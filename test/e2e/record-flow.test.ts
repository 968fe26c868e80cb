/** Issue 3's end-to-end journey in Debian Chromium against browser mode, with the pointer and with the keyboard alone. */
import { keyboardDriver, pointerDriver } from './drivers';
import { launch, type E2E } from './harness';
import { expectEverythingKept, recordEverything } from './record-flow';

const NOW = new Date('2026-11-22T10:00:00Z');
let e: E2E | undefined;
afterEach(async () => {
  await e?.close();
  e = undefined;
});

test('an officer records an inspection through to a cited self-evaluation judgement, and it is all kept', async () => {
  e = await launch('empty', { now: NOW });
  await recordEverything(e.page, pointerDriver(e.page));
  await expectEverythingKept(e.page);
}, 120_000);

test('the same journey works with the keyboard alone', async () => {
  e = await launch('empty', { now: NOW });
  await recordEverything(e.page, keyboardDriver(e.page));
  await expectEverythingKept(e.page);
}, 150_000);
