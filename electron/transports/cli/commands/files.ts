/** CLI commands: attach, import-files, search (issue #6). */
import path from 'node:path';
import { openWorkbook } from '../../../../db/open-workbook';
import { WorkbookSession } from '../../../core/api/workbook-session';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS, type EvidenceKind, type EvidenceLevel } from '../../../contract/enums';
import { SEARCH_TYPES, type SearchType } from '../../../contract/groups/files';
import { fileSource } from '../../../core/files/byte-source';
import { attachFile, formatBytes } from '../../../core/files/file-store';
import { explainFsError, importFolder, type ImportProgress } from '../../../core/files/import-folder';
import { closeTextExtractor, whenTextReady } from '../../../core/files/text/text-queue';
import { searchWorkbook } from '../../../core/search/search-workbook';
import type { ServiceContext } from '../../../core/services/context';
import { ServiceError } from '../../../core/services/service-error';
import { CliError, type CliCommand } from '../command';

async function withWorkbook<T>(file: string, use: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const workbook = await openWorkbook(file);
  const session = new WorkbookSession();
  session.use(workbook);
  try {
    return await use(session.context()!);
  } finally {
    await closeTextExtractor();
    session.close();
  }
}

/** "E-012", "e12" or "12" → the evidence item's id. */
function findEvidence(ctx: ServiceContext, ref: string): { id: number; reference: string; title: string } {
  const m = /^(?:e-?)?(\d{1,9})$/i.exec(ref.trim());
  if (!m) throw new CliError(`"${ref}" is not an evidence reference. Use the reference shown in the app, such as E-012.`, 2);
  const n = Number(m[1]);
  const row = ctx.workbook.sqlite
    .prepare("SELECT id, reference, title FROM evidence_items WHERE deleted_at IS NULL AND (reference = ? OR (? AND id = ?))")
    .get(`E-${String(n).padStart(3, '0')}`, /^\d+$/.test(ref.trim()) ? 1 : 0, n) as { id: number; reference: string; title: string } | undefined;
  if (!row) throw new CliError(`There is no evidence item ${ref} in this workbook (it may be in the Bin).`);
  return row;
}

function choiceOption<T extends string>(value: unknown, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new CliError(`--${what} must be one of: ${allowed.join(', ')}.`, 2);
  return value as T;
}

const attach: CliCommand = {
  name: 'attach',
  summary: 'Attach files to an evidence item (stored inside the workbook)',
  usage: 'workbook attach --workbook FILE --evidence E-012 PATH…',
  options: { workbook: { type: 'string' }, evidence: { type: 'string' } },
  required: ['workbook', 'evidence'],
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new CliError('Name at least one file to attach.\n\nUsage: workbook attach --workbook FILE --evidence E-012 PATH…', 2);
    return withWorkbook(String(values.workbook), async (ctx) => {
      const item = findEvidence(ctx, String(values.evidence));
      let failures = 0;
      for (const p of positionals) {
        const name = path.basename(p);
        try {
          const source = fileSource(p);
          try {
            const r = attachFile(ctx, item.id, source, name);
            const what = r.alreadyAttached ? 'already attached' : r.alreadyStored ? 'attached (content already stored, kept once)' : 'attached';
            io.out(`${r.file.fileName}: ${what} to ${item.reference} (${r.file.typeLabel}, ${formatBytes(r.file.size)})${r.notice ? `. ${r.notice}` : ''}`);
          } finally {
            source.close();
          }
        } catch (e) {
          failures++;
          if (e instanceof ServiceError) io.err(`${name}: not attached. ${e.message}`);
          else if ((e as NodeJS.ErrnoException).code) io.err(`${name}: not attached. It could not be read: ${explainFsError(e)}.`);
          else throw e;
        }
      }
      io.err('Reading text for search…');
      await whenTextReady(ctx);
      for (const f of ctx.workbook.sqlite
        .prepare("SELECT f.original_name AS name, b.text_note AS note FROM evidence_files f JOIN file_blobs b ON b.sha256 = f.sha256 WHERE f.evidence_id = ? AND f.deleted_at IS NULL AND b.text_status <> 'extracted'")
        .all(item.id) as { name: string; note: string }[]) {
        io.err(`${f.name}: ${f.note}`);
      }
      return failures > 0 ? 1 : 0;
    });
  },
};

function progressLine(p: ImportProgress): string {
  const pct = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 100;
  return `[${p.done}/${p.total}, ${pct}%] ${p.current ?? 'finished'}`;
}

const importFiles: CliCommand = {
  name: 'import-files',
  summary: 'Import every file in a folder as a new evidence item (progress on stderr)',
  usage: `workbook import-files --workbook FILE --dir DIR [--kind ${EVIDENCE_KINDS[0]}] [--level activity|output|impact] [--json]`,
  options: { workbook: { type: 'string' }, dir: { type: 'string' }, kind: { type: 'string' }, level: { type: 'string' }, json: { type: 'boolean' } },
  required: ['workbook', 'dir'],
  async run({ values }, io) {
    const kind = choiceOption<EvidenceKind>(values.kind, EVIDENCE_KINDS, 'kind');
    const level = choiceOption<EvidenceLevel>(values.level, EVIDENCE_LEVELS, 'level');
    const controller = new AbortController();
    const onSigint = () => {
      io.err('Stopping after the current file…');
      controller.abort();
    };
    process.once('SIGINT', onSigint);
    try {
      return await withWorkbook(String(values.workbook), async (ctx) => {
        let summary;
        try {
          summary = await importFolder(ctx, String(values.dir), {
            kind,
            level,
            signal: controller.signal,
            waitForText: true,
            onProgress: (p) => io.err(progressLine(p)),
          });
        } catch (e) {
          if (e instanceof ServiceError) throw new CliError(e.message);
          throw e;
        }
        if (values.json) {
          io.out(JSON.stringify(summary, null, 2));
        } else {
          const seconds = Math.max(summary.elapsedMs / 1000, 0.001);
          io.out(
            `${summary.cancelled ? 'Cancelled. ' : ''}Imported ${summary.imported.length} file(s) (${formatBytes(summary.bytesImported)}, ${(summary.bytesImported / 1024 / 1024 / seconds).toFixed(1)} MB/s), ` +
              `${summary.duplicates.length} duplicate(s), ${summary.refused.length} refused${summary.notImported ? `, ${summary.notImported} not looked at` : ''}.`,
          );
          for (const i of summary.imported) io.out(`  ${i.reference}  ${i.file}${i.notice ? `  (${i.notice})` : ''}`);
          for (const d of summary.duplicates) io.out(`  duplicate  ${d.file}: already kept as “${d.existingFileName}” in ${d.existingReference}`);
          for (const r of summary.refused) io.out(`  refused  ${r.file}: ${r.reason}`);
        }
        return summary.refused.length > 0 || summary.cancelled ? 1 : 0;
      });
    } finally {
      process.off('SIGINT', onSigint);
    }
  },
};

const search: CliCommand = {
  name: 'search',
  summary: 'Search everything in a workbook, including the text of stored files',
  usage: 'workbook search --workbook FILE "query" [--type evidence] [--limit 20] [--json]',
  options: { workbook: { type: 'string' }, json: { type: 'boolean' }, type: { type: 'string', multiple: true }, limit: { type: 'string' } },
  required: ['workbook'],
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const q = positionals.join(' ');
    if (!q.trim()) throw new CliError('Say what to search for.\n\nUsage: workbook search --workbook FILE "query" [--json]', 2);
    const types = ((values.type as string[] | undefined) ?? []).map((t) => choiceOption<SearchType>(t, SEARCH_TYPES, 'type')!);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliError('--limit must be a whole number from 1 to 200.', 2);
    return withWorkbook(
      String(values.workbook),
      async (ctx) => {
        const out = searchWorkbook(ctx, { q, types: types.length ? types : undefined, limit });
        if (values.json) {
          io.out(JSON.stringify(out, null, 2));
          return 0;
        }
        if (out.notice) io.err(out.notice);
        const plain = (parts: { text: string; hit: boolean }[]) => parts.map((p) => (p.hit ? `[${p.text}]` : p.text)).join('');
        io.out(`${out.total} match(es)${out.total > out.results.length ? `, showing the best ${out.results.length}` : ''}.`);
        for (const r of out.results) {
          io.out(`\n${plain(r.title)}\n  ${r.context}`);
          const snippet = plain(r.snippet).replace(/\s+/g, ' ').trim();
          if (snippet) io.out(`  ${snippet}`);
        }
        return 0;
      },
    );
  },
};

export const fileCommands: CliCommand[] = [attach, importFiles, search];
