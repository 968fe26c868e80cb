/** CLI commands: pack (the evidence pack zip) and daily-summary (issue #8). */
import path from 'node:path';
import { parseUkDate, ukDate } from '../../../contract/format';
import { writeDailySummary } from '../../../core/inspection-week/daily-summary-docx';
import { writeEvidencePack } from '../../../core/inspection-week/evidence-pack';
import { withWorkbook } from '../with-workbook';
import { CliError, type CliCommand } from '../command';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const packCommand: CliCommand = {
  name: 'pack',
  summary: 'Build the evidence pack: a zip with an index.html that opens offline, grouped by SEF criterion and by finding',
  usage: 'workbook pack --workbook FILE --out PACK.zip [--for-publication]',
  options: { workbook: { type: 'string' }, out: { type: 'string' }, 'for-publication': { type: 'boolean' } },
  required: ['workbook', 'out'],
  async run({ values }, io) {
    const out = path.resolve(String(values.out));
    const forPublication = values['for-publication'] === true;
    let last = '';
    const pack = await withWorkbook(String(values.workbook), { readOnly: true }, (ctx) =>
      writeEvidencePack(ctx, out, {
        forPublication,
        onProgress: (p) => {
          // One line per stage or per tenth of the files, so a big pack shows movement without flooding.
          const step = p.total > 10 ? Math.floor(p.done / Math.ceil(p.total / 10)) : p.done;
          const line = p.stage.startsWith('Adding files') ? `Adding files: ${step}` : p.stage;
          if (line !== last) io.err(p.stage.startsWith('Adding files') ? `Adding files… ${p.done} of ${p.total}` : p.stage === 'Done' ? 'Done.' : `${p.stage}…`);
          last = line;
        },
      }),
    );
    io.out(`Evidence pack written to ${out}: ${count(pack.itemCount, 'evidence item')}, ${count(pack.fileCount, 'file')}.`);
    if (forPublication) for (const l of pack.leftOut) io.out(`Left out: ${l}`);
    return 0;
  },
};

const dailySummaryCommand: CliCommand = {
  name: 'daily-summary',
  summary: 'Write the one-page inspection-week daily summary (Word) for an inspection event',
  usage: 'workbook daily-summary --workbook FILE --event ID --out SUMMARY.docx [--on 24/11/2026]',
  options: { workbook: { type: 'string' }, event: { type: 'string' }, out: { type: 'string' }, on: { type: 'string' } },
  required: ['workbook', 'event', 'out'],
  async run({ values }, io) {
    const eventId = Number(values.event);
    if (!Number.isInteger(eventId) || eventId <= 0) throw new CliError('--event must be the number of an inspection event.', 2);
    const on = values.on === undefined ? undefined : parseUkDate(String(values.on));
    if (on === null) throw new CliError('--on must be a date such as 24/11/2026.', 2);
    const out = path.resolve(String(values.out));
    await withWorkbook(String(values.workbook), { readOnly: true }, (ctx) => writeDailySummary(ctx, eventId, out, on));
    io.out(`Daily summary${on ? ` for ${ukDate(on)}` : ''} written to ${out}.`);
    return 0;
  },
};

export const inspectionWeekCommands: CliCommand[] = [packCommand, dailySummaryCommand];
