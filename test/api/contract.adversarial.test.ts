/**
 * Malformed input to every channel (issue #2): wrong types, unknown ids, 1 MB strings, control
 * characters and prototype-pollution keys get typed errors, and the workbook's contents do not change.
 */
import { createHash } from 'node:crypto';
import { channelNames, contract } from '../../electron/contract/channels';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { buildFixture } from './fixture';

let t: TestWorkbook;
beforeAll(async () => {
  t = makeTestWorkbook();
  await buildFixture(t.api);
});
afterAll(() => t.cleanup());

function contentHash(): string {
  const hash = createHash('sha256');
  const tables = t.workbook.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    for (const row of t.workbook.sqlite.prepare(`SELECT * FROM "${name}"`).raw().iterate()) hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString('base64') : v)));
  }
  return hash.digest('hex');
}

const MB = 'x'.repeat(1024 * 1024);
const hostile: unknown[] = [
  null,
  42,
  'a string',
  [],
  [{ id: 1 }],
  { id: '1' },
  { id: -1 },
  { id: 1.5 },
  { id: Number.MAX_SAFE_INTEGER + 2 },
  { id: 999_999 },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  { prototype: { polluted: true } },
  { title: MB, name: MB, what: MB, text: MB, summary: MB, q: MB },
  { title: '\u0000\u0007\u001b[31m', name: '\u0000', kind: '\u0000', type: '\u0000' },
  { id: 1, expectedVersion: 'yes' },
  { offset: -1, limit: 1_000_000 },
  { target: { type: 'finding', id: 999_999 }, evidenceId: 999_999 },
];

test('every channel answers hostile input with a typed error and changes nothing', async () => {
  const before = contentHash();
  let refused = 0;
  for (const channel of channelNames) {
    // Feature channels that perform file work only on valid input are still exercised here.
    for (const input of hostile) {
      const result = await t.dispatch(channel, input);
      if (!result.ok) {
        refused++;
        expect(['invalid_input', 'not_found', 'conflict', 'not_allowed']).toContain(result.error.code);
        expect(result.error.message).not.toMatch(/\bat\s.+:\d+:\d+|TypeError|ReferenceError|SQLITE_/);
        // zod's own English never reaches an officer.
        for (const issue of result.error.issues ?? []) expect(issue.message).not.toMatch(/^(Invalid input|Too small|Too big)|expected \w+, received/);
        expect(JSON.stringify(result).length).toBeLessThan(20_000);
      } else {
        // Only reads may succeed on this input; they must not have written anything.
        expect(contract[channel].mutates).toBe(false);
      }
    }
  }
  expect(refused).toBeGreaterThan(channelNames.length * 10);
  expect(contentHash()).toBe(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

test('control characters from copy and paste are removed, the rest of the text kept', async () => {
  const partner = await t.api.call('partner:create', { name: 'Parent\u000B carer\u0000 forum 👪 منتدى', kind: 'parent_carer_forum' });
  expect(partner.name).toBe('Parent carer forum 👪 منتدى');
});

test('a huge invalid list gets a bounded answer', async () => {
  const result = await t.dispatch('finding:create', { eventId: 1, type: 'strength', title: 'x', partnerIds: Array.from({ length: 10_000 }, () => 'not a number') });
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.issues!.length).toBeLessThanOrEqual(50);
});
