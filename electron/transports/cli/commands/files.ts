/** CLI commands: attach, import-files, search (issue #6), through the same channels as the screens. */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '../../../contract/client';
import { ApiFailure } from '../../../contract/client';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS, type EvidenceKind, type EvidenceLevel } from '../../../contract/enums';
import { MAX_SINGLE_ATTACH_BYTES, SEARCH_TYPES, type SearchType } from '../../../contract/groups/files';
import { formatBytes } from '../../../contract/format';
import type { ImportOutcome, ImportProgress } from '../../../core/files/import-folder';
import { CliError, type CliCommand } from '../command';

/** "E-012", "e12" or "12" → the evidence item (a bare number may also be its id). */
async function findEvidence(api: Client, ref: string): Promise<{ id: number; reference: string }> {
  const m = /^(?:e-?)?(\d{1,9})$/i.exec(ref.trim());
  if (!m) throw new CliError(`"${ref}" is not an evidence reference. Use the reference shown in the app, such as E-012.`, 2);
  const n = Number(m[1]);
  const reference = `E-${String(n).padStart(3, '0')}`;
  const found = (await api.call('evidence:list', { search: reference, limit: 50 })).items.find((e) => e.reference === reference);
  if (found) return found;
  // The search index may not hold references in every form: walk the list in reference order.
  for (let offset = 0; ; offset += 500) {
    const page = await api.call('evidence:list', { sort: 'reference', offset, limit: 500 });
    const hit = page.items.find((e) => e.reference === reference);
    if (hit) return hit;
    if (offset + page.items.length >= page.total || page.items.length === 0) break;
  }
  if (/^\d+$/.test(ref.trim())) {
    try {
      return await api.call('evidence:get', { id: n });
    } catch (e) {
      if (!(e instanceof ApiFailure)) throw e;
    }
  }
  throw new CliError(`There is no evidence item ${ref} in this workbook (it may be in the Bin).`);
}

function choiceOption<T extends string>(value: unknown, allowed: readonly T[], what: string): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T)) throw new CliError(`--${what} must be one of: ${allowed.join(', ')}.`, 2);
  return value as T;
}

/** Why a file on disk could not be read, in the words the import summary uses. */
class UnreadableFile extends Error {}

/**
 * Sends a file's bytes the way the screens do: in one piece when small, otherwise through
 * file:uploadBegin / file:uploadChunk (whose upload id the finishing channel then takes).
 */
async function sendFile(api: Client, file: string): Promise<{ base64: string } | { uploadId: string }> {
  const { explainFsError } = await import('../../../core/files/import-folder');
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new UnreadableFile(`It could not be read: ${explainFsError(e)}.`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UnreadableFile(`It could not be read: ${explainFsError({ code: 'EISDIR' })}.`);
    const size = stat.size;
    const read = (length: number, position: number) => {
      const buffer = Buffer.alloc(length);
      try {
        return buffer.subarray(0, readSync(fd, buffer, 0, length, position));
      } catch (e) {
        throw new UnreadableFile(`It could not be read: ${explainFsError(e)}.`);
      }
    };
    if (size <= MAX_SINGLE_ATTACH_BYTES) return { base64: read(size, 0).toString('base64') };
    const { uploadId, chunkBytes } = await api.call('file:uploadBegin', { fileName: path.basename(file), size });
    try {
      for (let seq = 0, at = 0; at < size; seq++, at += chunkBytes) {
        await api.call('file:uploadChunk', { uploadId, seq, base64: read(Math.min(chunkBytes, size - at), at).toString('base64') });
      }
    } catch (e) {
      await api.call('file:uploadCancel', { uploadId });
      throw e;
    }
    return { uploadId };
  } finally {
    closeSync(fd);
  }
}

/** Waits for text extraction (so search finds the words at once), then names files without text. */
async function reportText(api: Client, evidenceIds: number[], say: (text: string) => void): Promise<void> {
  say('Reading text for search…');
  await api.call('file:processText', {});
  for (const evidenceId of evidenceIds) {
    for (const f of await api.call('file:list', { evidenceId })) if (f.textStatus !== 'extracted') say(`${f.fileName}: ${f.textNote}`);
  }
}

const attach: CliCommand = {
  name: 'attach',
  summary: 'Attach files to an evidence item (stored inside the workbook)',
  usage: 'workbook attach --workbook FILE --evidence E-012 PATH…',
  options: { workbook: { type: 'string' }, evidence: { type: 'string' } },
  required: ['workbook', 'evidence'],
  allowPositionals: true,
  async run({ values, positionals }, io, host) {
    if (positionals.length === 0) throw new CliError('Name at least one file to attach.\n\nUsage: workbook attach --workbook FILE --evidence E-012 PATH…', 2);
    return host.withWorkbook(String(values.workbook), { readOnly: false }, async (api) => {
      const item = await findEvidence(api, String(values.evidence));
      let failures = 0;
      for (const p of positionals) {
        const name = path.basename(p);
        try {
          const sent = await sendFile(api, p);
          const r = 'base64' in sent ? await api.call('file:attach', { evidenceId: item.id, fileName: name, base64: sent.base64 }) : await api.call('file:uploadFinish', { evidenceId: item.id, uploadId: sent.uploadId });
          const what = r.alreadyAttached ? 'already attached' : r.alreadyStored ? 'attached (content already stored, kept once)' : 'attached';
          io.out(`${r.file.fileName}: ${what} to ${item.reference} (${r.file.typeLabel}, ${formatBytes(r.file.size)})${r.notice ? `. ${r.notice}` : ''}`);
        } catch (e) {
          if (!(e instanceof UnreadableFile || e instanceof ApiFailure)) throw e;
          failures++;
          io.err(`${name}: not attached. ${e.message}`);
        }
      }
      await reportText(api, [item.id], io.err);
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
  async run({ values }, io, host) {
    const kind = choiceOption<EvidenceKind>(values.kind, EVIDENCE_KINDS, 'kind');
    const level = choiceOption<EvidenceLevel>(values.level, EVIDENCE_LEVELS, 'level');
    const controller = new AbortController();
    const onSigint = () => {
      io.err('Stopping after the current file…');
      controller.abort();
    };
    process.once('SIGINT', onSigint);
    try {
      return await host.withWorkbook(String(values.workbook), { readOnly: false }, async (api) => {
        const { listFolderToImport, runFolderImport } = await import('../../../core/files/import-folder');
        let listing;
        try {
          listing = listFolderToImport(String(values.dir));
        } catch (e) {
          throw new CliError((e as Error).message);
        }
        const folderName = path.basename(listing.root);
        // The same loop as the desktop's folder import; each file goes through evidence:importFile.
        const summary = await runFolderImport(
          listing,
          async (candidate): Promise<ImportOutcome> => {
            try {
              const sent = await sendFile(api, candidate.full);
              return await api.call('evidence:importFile', { relativePath: candidate.relative, folderName, kind, level, ...sent });
            } catch (e) {
              if (e instanceof UnreadableFile || e instanceof ApiFailure) return { outcome: 'refused', reason: e.message };
              throw e;
            }
          },
          { signal: controller.signal, onProgress: (p) => io.err(progressLine(p)) },
        );
        // Wait for the files' text, so a search straight after finds their words.
        if (summary.imported.length > 0) await api.call('file:processText', {});
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
  async run({ values, positionals }, io, host) {
    const q = positionals.join(' ');
    if (!q.trim()) throw new CliError('Say what to search for.\n\nUsage: workbook search --workbook FILE "query" [--json]', 2);
    const types = ((values.type as string[] | undefined) ?? []).map((t) => choiceOption<SearchType>(t, SEARCH_TYPES, 'type')!);
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliError('--limit must be a whole number from 1 to 200.', 2);
    return host.withWorkbook(String(values.workbook), { readOnly: false }, async (api) => {
      const out = await api.call('search:query', { q, types: types.length ? types : undefined, limit });
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
    });
  },
};

export const fileCommands: CliCommand[] = [attach, importFiles, search];
