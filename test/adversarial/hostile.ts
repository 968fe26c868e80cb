/**
 * Seeded hostile payloads for every channel (issue #7). The same seed gives the same payloads,
 * so a failure reproduces: run with ADVERSARIAL_SEED=<seed printed in the failure>.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { contract, type ChannelName } from '../../electron/contract/channels';

export const SEED = Number(process.env.ADVERSARIAL_SEED ?? 7_2026);

/** mulberry32 */
export function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HUGE = 'x'.repeat(300_001);
function nested(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value];
  return value;
}
const DEEP = nested(2_000);
const WIDE = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));

/**
 * Values that should never be accepted where a real value belongs. Small positive integers are
 * left out on purpose: they are real ids in the fixture, so a request using them may be valid.
 */
const ATOMS: (() => unknown)[] = [
  () => null,
  () => undefined,
  () => true,
  () => NaN,
  () => Infinity,
  () => -Infinity,
  () => -1,
  () => 0,
  () => -0,
  () => 1.5,
  () => 987_654,
  () => 2 ** 53 + 2,
  () => 1e308,
  () => -1e308,
  () => '',
  () => '   ',
  () => HUGE,
  () => '\u0000\u0001\u0007\u000b\u001b[31m\u007f',
  () => '\ud800 lone surrogate',
  () => "'; DROP TABLE evidence_items; --",
  () => '<script>alert(1)</script>',
  () => '../../../etc/passwd',
  () => 'C:\\Windows\\win.ini',
  () => '2026-02-30',
  () => '22/11/2026',
  () => '__proto__',
  () => 'constructor',
  () => [],
  () => [987_654, -1],
  () => Array.from({ length: 10_000 }, () => 987_654),
  () => ({}),
  () => JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  () => ({ constructor: { prototype: { polluted: 'yes' } } }),
  () => ({ prototype: { polluted: 'yes' } }),
  () => DEEP,
  () => WIDE,
  () => ({ id: 987_654, type: 'finding' }),
  () => new Date(0).toISOString(),
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** The keys a channel's input object declares, so hostile values reach its fields, not just its shape check. */
export function inputKeys(channel: ChannelName): string[] {
  let schema: unknown = contract[channel].input;
  for (let i = 0; i < 4 && schema; i++) {
    const s = schema as { shape?: Record<string, unknown>; in?: unknown; def?: { in?: unknown; innerType?: unknown } };
    if (s.shape) return Object.keys(s.shape);
    schema = s.in ?? s.def?.in ?? s.def?.innerType;
  }
  return [];
}

export function hostileValue(random: () => number): unknown {
  return pick(random, ATOMS)();
}

export function hostilePayload(channel: ChannelName, random: () => number): unknown {
  const roll = random();
  if (roll < 0.25) return hostileValue(random); // not an object at all, or a hostile object
  const keys = inputKeys(channel);
  const payload: Record<string, unknown> = roll < 0.35 ? JSON.parse('{"__proto__": {"polluted": "yes"}}') : {};
  for (const key of keys) if (random() < 0.8) payload[key] = hostileValue(random);
  if (random() < 0.3) payload[pick(random, ['constructor', 'prototype', 'toString', 'hasOwnProperty', 'unexpected'])] = hostileValue(random);
  return payload;
}

/** Names that are not channels, including ones that exist on every object. */
export const HOSTILE_CHANNEL_NAMES: unknown[] = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' partner:create',
  'PARTNER:CREATE',
  'partner:create\u0000',
  'partner:*',
  '../partner:create',
  'backup:restore/../../x',
  123,
  null,
  undefined,
  ['partner:create'],
  { channel: 'partner:create' },
];

/** Rows written by this connection so far, rolled back or not: a cheap first sign of a change. */
export function rowsWritten(sqlite: Database.Database): number {
  return sqlite.prepare('SELECT total_changes()').pluck().get() as number;
}

/**
 * The one table a query may write: `export:planXlsx` records which rows left the workbook, so a
 * returned file can be bound to that export (issue #14). It holds no record a person edits.
 */
const QUERY_MAY_WRITE = new Set(['plan_exports']);

/** A hash of every row of every table (sqlite_sequence included) but the export log: any change shows. */
export function contentHash(sqlite: Database.Database): string {
  const hash = createHash('sha256');
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const name of tables) {
    if (QUERY_MAY_WRITE.has(name)) continue;
    hash.update(`\u0000${name}\u0000`);
    for (const row of sqlite.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().iterate()) {
      hash.update(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? v.toString() : v)));
    }
  }
  return hash.digest('hex');
}

export const TYPED_CODES = ['invalid_input', 'not_found', 'conflict', 'read_only', 'not_allowed', 'unknown_channel', 'no_workbook'];

/** An answer a person could be shown: a typed code and a plain sentence, never internals. */
export function expectTypedRefusal(result: unknown, where: string, payload?: unknown): void {
  const r = result as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  expect(r.ok, where).toBe(false);
  expect(TYPED_CODES, `${where}: ${JSON.stringify(r.error)?.slice(0, 300)}`).toContain(r.error?.code);
  expect(typeof r.error?.message, where).toBe('string');
  expect(r.error?.message as string, where).not.toMatch(/\bat\s.+:\d+:\d+|TypeError|ReferenceError|RangeError|SQLITE_|\[object Object\]/);
  // An answer lists one issue per bad element of a huge array (dispatch reports every zod issue),
  // so it may grow with the request, but within a bound.
  let sent: number;
  try {
    sent = JSON.stringify(payload)?.length ?? 0;
  } catch {
    sent = 0; // too deep to measure
  }
  expect(JSON.stringify(result).length, where).toBeLessThan(20_000 + 10 * sent);
}

export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
}
