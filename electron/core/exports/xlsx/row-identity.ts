/**
 * The hidden identity cell on every editable row: which workbook, record and version it came
 * from, plus a short fingerprint of each editable value as exported. The fingerprint lets the
 * import tell "the partner changed this" from "the app changed this since" without carrying the
 * old text in the file (a three-way comparison: exported, returned, now).
 *
 *   ewb:<workbookId>:action:12:v3:<6 characters per tracked field>
 */
import { createHash } from 'node:crypto';
import { stripControlCharacters } from '../../../contract/fields';

export type IdentityEntity = 'action' | 'milestone' | 'progress';

export interface RowIdentity {
  workbookId: string;
  entity: IdentityEntity;
  id: number;
  version: number;
  /** One fingerprint per tracked field, or null where the field was exported read-only. */
  fingerprints: (string | null)[];
}

const FINGERPRINT_LENGTH = 6;
const READ_ONLY_MARK = '-'.repeat(FINGERPRINT_LENGTH);
const IDENTITY = /^ewb:([A-Za-z0-9-]{1,64}):(action|milestone|progress):(\d{1,15}):v(\d{1,9}):([A-Za-z0-9_-]*)$/;

/** Text as a person means it: no control characters, Unix line ends, no trailing spaces. */
export function normaliseText(value: string): string {
  return stripControlCharacters(value.replace(/\r\n?/g, '\n'))
    .replace(/[ \t\u00A0]+$/gm, '')
    .trim();
}

/** Names compare without regard to case or doubled spaces ("jo  smith" is "Jo Smith"). */
export function normaliseName(value: string): string {
  return normaliseText(value).replace(/\s+/g, ' ').toLowerCase();
}

export function fingerprint(canonical: string): string {
  return createHash('sha256').update(canonical).digest('base64url').slice(0, FINGERPRINT_LENGTH);
}

export function formatIdentity(identity: RowIdentity): string {
  const prints = identity.fingerprints.map((f) => f ?? READ_ONLY_MARK).join('');
  return `ewb:${identity.workbookId}:${identity.entity}:${identity.id}:v${identity.version}:${prints}`;
}

/** Null when the text is not one of our identities (edited, or not from this app). */
export function parseIdentity(text: string): RowIdentity | null {
  const m = IDENTITY.exec(text.trim());
  if (!m) return null;
  const prints = m[5]!;
  if (prints.length % FINGERPRINT_LENGTH !== 0) return null;
  const fingerprints: (string | null)[] = [];
  for (let i = 0; i < prints.length; i += FINGERPRINT_LENGTH) {
    const f = prints.slice(i, i + FINGERPRINT_LENGTH);
    fingerprints.push(f === READ_ONLY_MARK ? null : f);
  }
  return { workbookId: m[1]!, entity: m[2] as IdentityEntity, id: Number(m[3]), version: Number(m[4]), fingerprints };
}

/** The plan a file was exported from, kept on the hidden Lists sheet. */
export function formatPlanIdentity(workbookId: string, planId: number, exportedAt: string, exportId?: string | null): string {
  return `ewb:${workbookId}:plan:${planId}:at:${exportedAt}${exportId ? `:x:${exportId}` : ''}`;
}

/** `exportId` names the recorded export (issue #14); files exported before it have none. */
export function parsePlanIdentity(text: string): { workbookId: string; planId: number; exportedAt: string; exportId: string | null } | null {
  const m = /^ewb:([A-Za-z0-9-]{1,64}):plan:(\d{1,15}):at:([0-9T:.Z-]{10,30})(?::x:([A-Za-z0-9_-]{1,32}))?$/.exec(text.trim());
  return m ? { workbookId: m[1]!, planId: Number(m[2]), exportedAt: m[3]!, exportId: m[4] ?? null } : null;
}
