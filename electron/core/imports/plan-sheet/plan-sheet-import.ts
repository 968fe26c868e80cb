/**
 * The plan-spreadsheet import's three steps (issue #16, part 3), as the channels call them:
 * sample (sheets, header row, first rows, a proposed mapping), preview (what would be created)
 * and apply (write it, in dispatch's one transaction).
 *
 * Reading an .xlsx is asynchronous and a command's transaction must be synchronous, so the
 * reading made by sample or preview is kept (per upload, checked against the file's size and
 * time) and apply builds its own preview again from that reading: never from anything the page
 * sends back. A CSV is simply read again.
 */
import { statSync, readFileSync } from 'node:fs';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { actions, partners, people, plans, priorities } from '../../../../db/schema';
import {
  MAX_PLAN_SHEET_BYTES,
  PLAN_SHEET_SAMPLE_ROWS,
  type planSheetApplyInput,
  type PlanSheetApplied,
  type planSheetPreviewInput,
  type PlanSheetPreview,
  type PlanSheetSample,
  type planSheetSampleInput,
} from '../../../contract/groups/plan-sheet';
import { completedUpload } from '../../files/upload-sessions';
import { today, type ServiceContext } from '../../services/context';
import { ServiceError } from '../../services/service-error';
import { checkPlanType, planService } from '../../services/plan-service';
import { applyBuilt } from './apply';
import { buildPreview, type Lookups } from './build-preview';
import { detectHeaderRow, headerCells, headerStrength } from './detect-header';
import { guessMapping } from './guess-mapping';
import { cellText, nameKey } from './parse-values';
import { chooseSheet, columnIndex, columnLetter, formatOf, readBook, readCsv, type SheetBook } from './read-sheet';
import { remember, rememberedFor } from './remembered-mapping';

const KEEP_MS = 60 * 60 * 1000;
const KEEP_AT_MOST = 4;

interface Kept {
  book: SheetBook;
  workbookPath: string;
  size: number;
  mtimeMs: number;
  at: number;
}
const kept = new Map<string, Kept>();

function uploadFile(ctx: ServiceContext, uploadId: string) {
  const upload = completedUpload(ctx.workbook.path, uploadId);
  if (upload.size > MAX_PLAN_SHEET_BYTES) {
    throw new ServiceError('invalid_input', `“${upload.name}” is ${(upload.size / (1024 * 1024)).toFixed(1)} MB, more than the ${MAX_PLAN_SHEET_BYTES / (1024 * 1024)} MB a plan spreadsheet can be. Remove pictures or extra sheets, or save the plan’s sheet on its own, and choose it again. Nothing was changed.`);
  }
  const stat = statSync(upload.file);
  return { ...upload, mtimeMs: stat.mtimeMs };
}

function keptFor(ctx: ServiceContext, uploadId: string, upload: { size: number; mtimeMs: number }): SheetBook | null {
  const hit = kept.get(uploadId);
  const now = ctx.now().getTime();
  if (!hit || hit.workbookPath !== ctx.workbook.path || hit.size !== upload.size || hit.mtimeMs !== upload.mtimeMs || now - hit.at > KEEP_MS) return null;
  return hit.book;
}

function keep(ctx: ServiceContext, uploadId: string, book: SheetBook, upload: { size: number; mtimeMs: number }): void {
  kept.delete(uploadId);
  kept.set(uploadId, { book, workbookPath: ctx.workbook.path, size: upload.size, mtimeMs: upload.mtimeMs, at: ctx.now().getTime() });
  while (kept.size > KEEP_AT_MOST) kept.delete(kept.keys().next().value!);
}

async function loadBook(ctx: ServiceContext, uploadId: string): Promise<SheetBook> {
  const upload = uploadFile(ctx, uploadId);
  const hit = keptFor(ctx, uploadId, upload);
  if (hit) return hit;
  const book = await readBook(new Uint8Array(readFileSync(upload.file)), upload.name);
  keep(ctx, uploadId, book, upload);
  return book;
}

/** For the apply step, synchronously: the kept reading, or a CSV read again. */
function loadBookNow(ctx: ServiceContext, uploadId: string): SheetBook {
  const upload = uploadFile(ctx, uploadId);
  const hit = keptFor(ctx, uploadId, upload);
  if (hit) return hit;
  const bytes = new Uint8Array(readFileSync(upload.file));
  if (formatOf(bytes, upload.name) === 'csv') return readCsv(bytes, upload.name);
  throw new ServiceError('conflict', `Preview “${upload.name}” again before importing it (a preview is kept for an hour). Nothing was changed.`);
}

export async function samplePlanSheet(ctx: ServiceContext, input: z.output<typeof planSheetSampleInput>): Promise<PlanSheetSample> {
  const book = await loadBook(ctx, input.uploadId);
  const sheet = chooseSheet(book, input.sheet, headerStrength);
  const warnings: string[] = [];
  if (sheet.rows.length === 0) warnings.push(`The sheet “${sheet.name}” is empty. Choose the sheet that holds the plan.`);
  if (input.headerRow !== undefined && input.headerRow > sheet.rows.length) {
    throw new ServiceError('invalid_input', `Row ${input.headerRow} is below the last row of “${sheet.name}” (row ${sheet.rows.length}). Choose the row that holds the column headings.`, [{ path: 'headerRow', message: 'Choose a row within the sheet.' }]);
  }
  const headerRow = input.headerRow ?? detectHeaderRow(sheet);
  if (headerRow === null && sheet.rows.length > 0) {
    warnings.push(`No row of “${sheet.name}” reads as column headings (such as “Action”, “Lead officer”, “Due date”, “Status”). Choose the row that holds the headings.`);
  }
  const headers = headerRow ? headerCells(sheet, headerRow) : Array.from({ length: sheet.columnCount }, () => '');
  const rows: PlanSheetSample['rows'] = [];
  for (let r = headerRow ?? 0; r < sheet.rows.length && rows.length < PLAN_SHEET_SAMPLE_ROWS; r++) {
    const cells = Array.from({ length: sheet.columnCount }, (_, c) => cellText(sheet.rows[r]![c]));
    if (cells.some(Boolean)) rows.push({ row: r + 1, cells });
  }
  const guessed = headerRow ? guessMapping(headers) : {};
  const remembered = headerRow ? rememberedFor(ctx, headers) : null;
  const fits = remembered !== null && Object.values(remembered.mapping).every((letter) => letter !== undefined && columnIndex(letter) < sheet.columnCount);
  if (remembered && !fits) warnings.push('The mapping saved for this layout names a column the sheet no longer has, so the mapping is guessed again.');
  if (headerRow && !guessed.what && !(fits && remembered!.mapping.what)) warnings.push('No column looks like the actions (“What we will do”, “Action”). Choose it before previewing.');
  return {
    fileName: book.fileName,
    size: book.size,
    format: book.format,
    sheets: book.sheets.map((s) => ({ name: s.name, rowCount: s.rows.length, columnCount: s.columnCount })),
    sheet: sheet.name,
    headerRow,
    headerCells: headers.map((text, i) => ({ column: columnLetter(i), text })),
    rows,
    mergedRanges: sheet.merges,
    guessedMapping: guessed,
    remembered,
    mapping: fits ? remembered!.mapping : guessed,
    warnings,
  };
}

function lookupsFor(ctx: ServiceContext, target: z.output<typeof planSheetPreviewInput>['target']): Lookups {
  const byName = (rows: { id: number; name: string }[]) => {
    const map = new Map<string, number>();
    for (const r of rows) if (!map.has(nameKey(r.name))) map.set(nameKey(r.name), r.id);
    return map;
  };
  const lookups: Lookups = {
    people: byName(ctx.db.select({ id: people.id, name: people.name }).from(people).where(isNull(people.deletedAt)).all()),
    partners: byName(ctx.db.select({ id: partners.id, name: partners.name }).from(partners).where(isNull(partners.deletedAt)).all()),
    plan: { id: null, title: 'newPlan' in target ? target.newPlan.title : '' },
    existingPriorities: new Map(),
    today: today(ctx),
  };
  // The plan form's own rule, checked before the sheet is read rather than at the end of apply.
  if ('newPlan' in target) {
    checkPlanType(ctx, target.newPlan.type);
    const wanted = target.newPlan.title.trim().toLowerCase();
    const same = ctx.db.select({ id: plans.id, title: plans.title }).from(plans).where(isNull(plans.deletedAt)).all().find((p) => p.title.trim().toLowerCase() === wanted);
    lookups.sameTitle = same ?? null;
  }
  if ('planId' in target) {
    const plan = planService.get(ctx, target.planId);
    lookups.plan = { id: plan.id, title: plan.title };
    const rows = ctx.db.select().from(priorities).where(and(eq(priorities.planId, plan.id), isNull(priorities.deletedAt))).all();
    const refs = rows.length
      ? ctx.db
          .select({ priorityId: actions.priorityId, reference: actions.reference })
          .from(actions)
          .where(and(inArray(actions.priorityId, rows.map((p) => p.id)), isNull(actions.deletedAt)))
          .all()
      : [];
    for (const p of rows) {
      lookups.existingPriorities.set(p.reference.toLowerCase(), { id: p.id, reference: p.reference, title: p.title, actionRefs: new Set(refs.filter((a) => a.priorityId === p.id).map((a) => a.reference.toLowerCase())) });
    }
  }
  return lookups;
}

export async function previewPlanSheet(ctx: ServiceContext, input: z.output<typeof planSheetPreviewInput>): Promise<PlanSheetPreview> {
  const book = await loadBook(ctx, input.uploadId);
  return buildPreview(chooseSheet(book, input.sheet, headerStrength), book.fileName, input, lookupsFor(ctx, input.target)).preview;
}

/** Runs inside dispatch's transaction (after its backup): every write commits together or not at all. */
export function applyPlanSheet(ctx: ServiceContext, input: z.output<typeof planSheetApplyInput>): PlanSheetApplied {
  const book = loadBookNow(ctx, input.uploadId);
  const sheet = chooseSheet(book, input.sheet, headerStrength);
  const lookups = lookupsFor(ctx, input.target);
  const built = buildPreview(sheet, book.fileName, input, lookups);
  if (!built.preview.canApply) {
    throw new ServiceError(
      'invalid_input',
      `Nothing was imported. ${built.preview.blockers.join(' ')}`,
      built.preview.unknownWords.map((w) => ({ path: `${w.field === 'status' ? 'statusMap' : 'ragMap'}.${w.key}`, message: `Say what “${w.word}” means.` })),
    );
  }
  const written = applyBuilt(ctx, input, built, lookups);
  if (input.rememberMapping) remember(ctx, headerCells(sheet, input.headerRow), { mapping: input.mapping, statusMap: input.statusMap, ragMap: input.ragMap });
  return { ...written, rowsSkipped: built.preview.counts.rowsSkipped, mappingRemembered: input.rememberMapping };
}
