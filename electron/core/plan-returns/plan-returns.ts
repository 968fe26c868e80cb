/**
 * The import of returned action plans, as plain functions for the channels, the CLI and the
 * benchmark: read (async, outside any transaction) → compare (preview) → apply (synchronous,
 * inside one transaction).
 *
 * Why a cache: 'import:planApply' is a command, so it runs synchronously inside the dispatcher's
 * transaction, but reading an .xlsx is asynchronous. The preview therefore keeps the parsed rows
 * in the session (keyed by the sha256 of the file's bytes, a few at a time, for an hour); apply
 * receives the same bytes, hashes them and uses that parse. Nothing from the renderer is trusted
 * as parsed data, and bytes that were never previewed (or a restart in between) get "preview it
 * again".
 */
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/service-error';
import { applyPlanReturn, type ApplyOptions, type ApplySummary } from './apply-return';
import { compareReturn, type CompareOptions, type Preview } from './compare-return';
import { hashBytes, readPlanReturn, type ParsedReturn } from './read-return';
import { returnLimitsFor } from './return-limits';

const cacheKey = (hash: string) => `plan-return:${hash}`;

/** Reads a returned file with limits derived from the plan (and export) it names. */
export function readReturnFor(ctx: ServiceContext, bytes: Uint8Array, fileName: string): Promise<ParsedReturn> {
  return readPlanReturn(bytes, fileName, (plan) => returnLimitsFor(ctx, plan));
}

export async function previewPlanReturn(ctx: ServiceContext, bytes: Uint8Array, options: CompareOptions & { fileName?: string } = {}): Promise<Preview> {
  const parsed = await readReturnFor(ctx, bytes, options.fileName ?? 'returned-plan.xlsx');
  ctx.cache?.set(cacheKey(parsed.fileHash), parsed, ctx.now());
  return compareReturn(ctx, parsed, options).preview;
}

/** Applies the previewed file with these bytes; synchronous, for use inside a transaction. */
export function applyPreviewedReturn(ctx: ServiceContext, bytes: Uint8Array, options: ApplyOptions = {}): ApplySummary {
  const parsed = ctx.cache?.get(cacheKey(hashBytes(bytes)), ctx.now()) as ParsedReturn | undefined;
  if (!parsed) {
    throw new ServiceError('conflict', 'Preview this file again before applying it (a preview is kept for an hour, until the app closes or another workbook is opened). Nothing was changed.');
  }
  return applyPlanReturn(ctx, parsed, options);
}

export { applyPlanReturn, compareReturn, readPlanReturn };
export type { ApplyOptions, ApplySummary, CompareOptions, ParsedReturn, Preview };
