/**
 * The import of returned action plans, as plain functions for the channels, the CLI and the
 * benchmark: read (async, outside any transaction) → compare (preview) → apply (synchronous,
 * inside one transaction).
 *
 * Why a cache: 'import:planApply' is a command, so it runs synchronously inside the dispatcher's
 * transaction, but reading an .xlsx with exceljs is asynchronous. The preview therefore keeps
 * the parsed rows in memory, keyed by the sha256 of the file's bytes; apply receives the same
 * bytes, hashes them and uses that parse. Nothing from the renderer is trusted as parsed data,
 * and bytes that were never previewed (or a restart in between) get "preview it again".
 */
import type { ServiceContext } from '../services/context';
import { ServiceError } from '../services/service-error';
import { applyPlanReturn, type ApplyOptions, type ApplySummary } from './apply-return';
import { compareReturn, type CompareOptions, type Preview } from './compare-return';
import { hashBytes, readPlanReturn, type ParsedReturn } from './read-return';

const KEEP = 4;
const cache = new Map<string, ParsedReturn>();

function remember(parsed: ParsedReturn): void {
  cache.delete(parsed.fileHash);
  cache.set(parsed.fileHash, parsed);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value!);
}

export async function previewPlanReturn(ctx: ServiceContext, bytes: Uint8Array, options: CompareOptions & { fileName?: string } = {}): Promise<Preview> {
  const parsed = await readPlanReturn(bytes, options.fileName ?? 'returned-plan.xlsx');
  remember(parsed);
  return compareReturn(ctx, parsed, options).preview;
}

/** Applies the previewed file with these bytes; synchronous, for use inside a transaction. */
export function applyPreviewedReturn(ctx: ServiceContext, bytes: Uint8Array, options: ApplyOptions = {}): ApplySummary {
  const parsed = cache.get(hashBytes(bytes));
  if (!parsed) {
    throw new ServiceError('conflict', 'Preview this file again before applying it (the preview is kept only until the app closes). Nothing was changed.');
  }
  return applyPlanReturn(ctx, parsed, options);
}

export { applyPlanReturn, compareReturn, readPlanReturn };
export type { ApplyOptions, ApplySummary, CompareOptions, ParsedReturn, Preview };
