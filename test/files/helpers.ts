/** Shared set-up for file and search tests: a temp workbook whose text extraction runs in-thread. */
import type { ServiceContext } from '../../electron/core/services/context';
import { inThreadExtractor } from '../../electron/core/files/text/text-extractor';
import { setTextExtractor, whenTextReady } from '../../electron/core/files/text/text-queue';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { base64 } from './fixtures';

export function fileTestWorkbook(): TestWorkbook & { ctx: ServiceContext; textReady(): Promise<unknown> } {
  setTextExtractor(inThreadExtractor);
  const t = makeTestWorkbook();
  const ctx = t.session.context()!;
  return { ...t, ctx, textReady: () => whenTextReady(ctx) };
}

export async function newEvidence(t: TestWorkbook, title = 'Board paper', extra: Record<string, unknown> = {}) {
  return t.api.call('evidence:create', { title, kind: 'board_paper', level: 'impact', ...extra });
}

export async function attach(t: TestWorkbook, evidenceId: number, fileName: string, bytes: Uint8Array) {
  return t.api.call('file:attach', { evidenceId, fileName, base64: base64(bytes) });
}

/** Row counts of the tables a refused file must not touch. */
export function footprint(t: TestWorkbook): Record<string, number> {
  const count = (table: string) => (t.workbook.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return Object.fromEntries(['audit_log', 'file_blobs', 'file_chunks', 'evidence_files', 'evidence_items', 'search_docs'].map((n) => [n, count(n)]));
}
