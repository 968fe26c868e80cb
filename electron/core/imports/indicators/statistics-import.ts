/**
 * National statistics import (issue #16): a DfE tidy-data CSV, uploaded in chunks (or named on the
 * command line), is sampled for its columns, scanned in full for one indicator with progress and
 * cancel, compared with the indicator's values, and then applied by one command in one transaction.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { indicatorValues } from '../../../../db/schema';
import { label } from '../../../contract/enums';
import type { statisticsApplied, statisticsApplyInput, statisticsPreview, statisticsPreviewInput, statisticsSample } from '../../../contract/groups/imports';
import { completedUpload } from '../../files/upload-sessions';
import { getArea } from '../../services/area-service';
import type { ServiceContext } from '../../services/context';
import { getLive } from '../../services/entity-store';
import { indicatorService, valueService } from '../../services/indicator-service';
import { ServiceError } from '../../services/service-error';
import { sampleDfeCsv, scanDfeCsv, type AreaForImport, type ScanProgress, type ScanResult } from './dfe-tidy';
import { planValueChanges, type ExistingValue } from './plan-changes';

interface Job {
  progress: ScanProgress;
  controller: AbortController;
  running: boolean;
  finishedAt: number | null;
}

const jobs = new Map<string, Job>();
const KEEP_FINISHED_MS = 10 * 60_000;

function tidyJobs(now = Date.now()): void {
  for (const [id, job] of jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
}

export function areaForImport(ctx: ServiceContext): AreaForImport {
  const area = getArea(ctx);
  return { laCode: area.laCode, region: area.region, neighbours: area.statisticalNeighbours };
}

export function existingValues(ctx: ServiceContext, indicatorId: number | null): ExistingValue[] {
  if (indicatorId === null) return [];
  getLive(ctx, 'indicator', indicatorId);
  return ctx.db
    .select({ geography: indicatorValues.geography, periodLabel: indicatorValues.periodLabel, value: indicatorValues.value })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.indicatorId, indicatorId), isNull(indicatorValues.deletedAt)))
    .all();
}

/** The note kept with a statistical-neighbour mean, so an officer can see how many areas it covers. */
export function neighbourNote(contributed: number, listed: number): string {
  return `Mean of ${contributed} of ${listed} statistical neighbour${listed === 1 ? '' : 's'}`;
}

/** The preview of a scan against the indicator's values: shared by the channel and the CLI. */
export function buildPreview(scan: ScanResult, existing: ExistingValue[], fileName: string, indicatorColumn: string): z.output<typeof statisticsPreview> {
  const read = scan.series.map((v) => ({ ...v, note: v.geography === 'statistical_neighbours' ? neighbourNote(v.contributed ?? 0, v.listed ?? 0) : '' }));
  const { changes, unchanged } = planValueChanges(read, existing);
  const changed = new Map(changes.map((c) => [`${c.geography}\u0000${c.periodLabel}`, c]));
  const values = read.map((v) => {
    const c = changed.get(`${v.geography}\u0000${v.periodLabel}`);
    return {
      geography: v.geography,
      periodLabel: v.periodLabel,
      periodStart: v.periodStart,
      value: v.value,
      note: v.note,
      from: c ? c.from : v.value,
      change: (c ? (c.from === null ? 'new' : 'changed') : 'same') as 'new' | 'changed' | 'same',
    };
  });
  return {
    fileName,
    indicatorColumn,
    rowsRead: scan.rowsRead,
    rowsUsed: scan.rowsUsed,
    regionName: scan.regionName,
    values,
    counts: { new: values.filter((v) => v.change === 'new').length, changed: values.filter((v) => v.change === 'changed').length, unchanged, suppressed: scan.suppressedTotal },
    suppressed: scan.suppressed,
    warnings: scan.warnings,
  };
}

export async function sampleUpload(ctx: ServiceContext, uploadId: string): Promise<z.output<typeof statisticsSample>> {
  const upload = completedUpload(ctx.workbook.path, uploadId);
  const sample = await sampleDfeCsv(upload.file, upload.size);
  return { fileName: upload.name, size: upload.size, ...sample };
}

export async function previewUpload(ctx: ServiceContext, input: z.output<typeof statisticsPreviewInput>): Promise<z.output<typeof statisticsPreview>> {
  tidyJobs();
  if (jobs.get(input.jobId)?.running) throw new ServiceError('conflict', 'That import is already being read. Wait for it to finish, or cancel it.');
  const upload = completedUpload(ctx.workbook.path, input.uploadId);
  const area = areaForImport(ctx);
  const existing = existingValues(ctx, input.indicatorId);
  const job: Job = { progress: { bytesRead: 0, totalBytes: upload.size, rowsRead: 0 }, controller: new AbortController(), running: true, finishedAt: null };
  jobs.set(input.jobId, job);
  try {
    const scan = await scanDfeCsv(upload.file, upload.size, { indicatorColumn: input.indicatorColumn, filters: input.filters, area }, {
      signal: job.controller.signal,
      onProgress: (p) => {
        job.progress = p;
        // Keep the upload alive while a long file is read.
        completedUpload(ctx.workbook.path, input.uploadId);
      },
    });
    return buildPreview(scan, existing, upload.name, input.indicatorColumn);
  } finally {
    job.running = false;
    job.finishedAt = Date.now();
  }
}

export function scanProgress(jobId: string) {
  const job = jobs.get(jobId);
  if (!job) return { running: false, bytesRead: 0, totalBytes: 0, rowsRead: 0 };
  return { running: job.running, ...job.progress };
}

export function cancelScan(jobId: string) {
  const job = jobs.get(jobId);
  if (!job || !job.running) return { cancelled: false };
  job.controller.abort();
  return { cancelled: true };
}

/** Writes the values: a new indicator if asked, then only the values that are new or different. */
export function applyStatistics(ctx: ServiceContext, input: z.output<typeof statisticsApplyInput>): z.output<typeof statisticsApplied> {
  const indicatorId = input.newIndicator ? indicatorService.create(ctx, input.newIndicator).id : input.indicatorId!;
  const seen = new Set<string>();
  for (const v of input.values) {
    const key = `${v.geography}\u0000${v.periodLabel}`;
    if (seen.has(key)) throw new ServiceError('invalid_input', `${label(v.geography)} ${v.periodLabel} is listed twice. Nothing was imported.`);
    seen.add(key);
  }
  const { changes, unchanged } = planValueChanges(input.values, existingValues(ctx, indicatorId));
  let created = 0;
  let updated = 0;
  const notes = new Map(input.values.map((v) => [`${v.geography}\u0000${v.periodLabel}`, v.note]));
  for (const c of changes) {
    const note = [input.sourceNote, notes.get(`${c.geography}\u0000${c.periodLabel}`)].filter(Boolean).join('. ');
    valueService.set(ctx, { indicatorId, periodLabel: c.periodLabel, periodStart: c.periodStart, geography: c.geography, value: c.value, provisional: false, sourceNote: note.slice(0, 500) });
    if (c.from === null) created++;
    else updated++;
  }
  return { indicatorId, created, updated, unchanged, indicatorCreated: input.newIndicator !== null };
}
