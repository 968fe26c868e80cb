/**
 * The mapping an officer confirmed for a layout of spreadsheet, kept in the workbook so that the
 * next copy of the same plan (same header cells, whatever the file is called) is mapped the same
 * way. Saved only by the apply step, inside its transaction, and audited.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { planSheetMappings } from '../../../../db/schema';
import type { planSheetRemembered } from '../../../contract/groups/plan-sheet';
import { writeAudit } from '../../services/audit-log';
import type { ServiceContext } from '../../services/context';
import { headerWords } from './guess-mapping';

type Remembered = z.output<typeof planSheetRemembered>;

/** The key a layout is found by: its header cells, lower case and tidied (blank ones included, so columns line up). */
export function headerKey(headers: string[]): string {
  let last = headers.length;
  while (last > 0 && headers[last - 1] === '') last--;
  return createHash('sha256').update(headers.slice(0, last).map(headerWords).join('\t')).digest('hex');
}

export function rememberedFor(ctx: ServiceContext, headers: string[]): Remembered | null {
  const row = ctx.db.select().from(planSheetMappings).where(eq(planSheetMappings.headerKey, headerKey(headers))).get();
  if (!row) return null;
  try {
    return { mapping: JSON.parse(row.mapping) as Remembered['mapping'], statusMap: JSON.parse(row.statusMap) as Remembered['statusMap'], ragMap: JSON.parse(row.ragMap) as Remembered['ragMap'], savedAt: row.savedAt };
  } catch {
    return null;
  }
}

/** Saves (or replaces) the mapping for this layout; each changed part is written to the audit log. */
export function remember(ctx: ServiceContext, headers: string[], value: Omit<Remembered, 'savedAt'>): void {
  const key = headerKey(headers);
  const savedAt = ctx.now().toISOString();
  const json = { mapping: JSON.stringify(value.mapping), statusMap: JSON.stringify(value.statusMap), ragMap: JSON.stringify(value.ragMap) };
  const existing = ctx.db.select().from(planSheetMappings).where(eq(planSheetMappings.headerKey, key)).get();
  if (!existing) {
    const row = ctx.db.insert(planSheetMappings).values({ headerKey: key, headers: JSON.stringify(headers), ...json, savedAt }).returning().get();
    writeAudit(ctx, [
      { entity: 'planSheetMapping', entityId: row.id, operation: 'create', field: 'headers', newValue: row.headers },
      ...(['mapping', 'statusMap', 'ragMap'] as const).map((field) => ({ entity: 'planSheetMapping', entityId: row.id, operation: 'create' as const, field, newValue: json[field] })),
    ]);
    return;
  }
  const changed = (['mapping', 'statusMap', 'ragMap'] as const).filter((field) => existing[field] !== json[field]);
  if (changed.length === 0) return;
  ctx.db.update(planSheetMappings).set({ ...json, savedAt }).where(eq(planSheetMappings.id, existing.id)).run();
  writeAudit(
    ctx,
    changed.map((field) => ({ entity: 'planSheetMapping', entityId: existing.id, operation: 'update' as const, field, oldValue: existing[field], newValue: json[field] })),
  );
}
