/**
 * Reads text from stored files after they are attached, in the background, one file at a time.
 * Attaching never waits for it (a 300-page PDF takes seconds); each result is written in its
 * own statement and the index triggers make the file searchable at once. A file left 'pending'
 * (the app closed mid-way) is picked up next time anything schedules a run.
 */
import type { Workbook } from '../../../../db/open-workbook';
import type { ServiceContext } from '../../services/context';
import { readStoredBytes } from '../file-store';
import type { ExtractedText } from './extract-text';
import { createWorkerExtractor, type TextExtractor } from './text-extractor';

/** Bigger files are kept but not read for search (their text would be a tiny part of them). */
export const MAX_EXTRACT_BYTES = 100 * 1024 * 1024;

export interface TextRun {
  processed: number;
  pending: number;
}

let extractor: TextExtractor | null = null;

/** Replaces the extractor (tests use the in-thread one; the default is a worker thread). */
export function setTextExtractor(next: TextExtractor | null): void {
  extractor = next;
}

function currentExtractor(): TextExtractor {
  extractor ??= createWorkerExtractor();
  return extractor;
}

export async function closeTextExtractor(): Promise<void> {
  const e = extractor;
  extractor = null;
  await e?.close();
}

function pendingCount(workbook: Workbook): number {
  return (workbook.sqlite.prepare("SELECT count(*) AS n FROM file_blobs WHERE text_status = 'pending'").get() as { n: number }).n;
}

/** Extracts text for every file still waiting. Stops quietly if the workbook is closed meanwhile. */
export async function processPendingText(ctx: ServiceContext, options: { extractor?: TextExtractor; signal?: AbortSignal } = {}): Promise<TextRun> {
  const workbook = ctx.workbook;
  if (workbook.readOnly || !workbook.sqlite.open) return { processed: 0, pending: workbook.sqlite.open ? pendingCount(workbook) : 0 };
  const use = options.extractor ?? currentExtractor();
  let processed = 0;
  const tried = new Set<string>();
  for (;;) {
    if (options.signal?.aborted || !workbook.sqlite.open) break;
    const rows = workbook.sqlite
      .prepare("SELECT sha256, size, mime_type AS mimeType FROM file_blobs WHERE text_status = 'pending' ORDER BY created_at, sha256 LIMIT 50")
      .all() as { sha256: string; size: number; mimeType: string }[];
    const next = rows.find((r) => !tried.has(r.sha256));
    if (!next) break;
    tried.add(next.sha256);
    let result: ExtractedText;
    if (next.size > MAX_EXTRACT_BYTES) {
      result = { status: 'no_text', text: null, note: 'This file is too large to read for search; search finds it by its name.' };
    } else {
      try {
        result = await use.extract(readStoredBytes(ctx, next.sha256, next.size), next.mimeType);
      } catch (e) {
        result = { status: 'failed', text: null, note: (e as Error).message };
      }
    }
    if (!workbook.sqlite.open) break;
    workbook.sqlite
      .prepare("UPDATE file_blobs SET text_status = ?, text_note = ?, extracted_text = ? WHERE sha256 = ? AND text_status = 'pending'")
      .run(result.status, result.note, result.text, next.sha256);
    processed++;
  }
  return { processed, pending: workbook.sqlite.open ? pendingCount(workbook) : 0 };
}

const runs = new WeakMap<Workbook, { running: Promise<TextRun>; again: boolean }>();

/**
 * Starts a background run (or notes that the current one should look again) and returns its
 * promise. It begins on the next turn of the event loop, after the caller's transaction commits.
 */
export function scheduleTextExtraction(ctx: ServiceContext): Promise<TextRun> {
  const current = runs.get(ctx.workbook);
  if (current) {
    current.again = true;
    return current.running;
  }
  const state = { running: Promise.resolve({ processed: 0, pending: 0 }), again: false };
  state.running = (async () => {
    await new Promise((resolve) => setImmediate(resolve));
    let processed = 0;
    let last: TextRun = { processed: 0, pending: 0 };
    try {
      do {
        state.again = false;
        last = await processPendingText(ctx);
        processed += last.processed;
      } while (state.again);
    } catch {
      // Nothing to tell anyone mid-background: files stay 'pending' and the next run retries them.
    } finally {
      runs.delete(ctx.workbook);
    }
    return { processed, pending: last.pending };
  })();
  runs.set(ctx.workbook, state);
  return state.running;
}

/** Resolves when the background run (if any) has finished: the CLI and tests wait on this. */
export async function whenTextReady(ctx: ServiceContext): Promise<TextRun> {
  const current = runs.get(ctx.workbook);
  if (current) await current.running;
  return scheduleTextExtraction(ctx);
}
