/** CLI commands: pack (the evidence pack zip) and daily-summary (issue #8), through the inspection-week channels. */
import path from 'node:path';
import { parseUkDate, ukDate } from '../../../contract/format';
import { CliError, type CliCommand } from '../command';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** How often the pack's progress is asked for while it is built (the screen polls pack:progress too). */
const PROGRESS_POLL_MS = 200;

const packCommand: CliCommand = {
  name: 'pack',
  summary: 'Build the evidence pack: a zip with an index.html that opens offline, grouped by SEF criterion and by finding',
  usage: 'workbook pack --workbook FILE --out PACK.zip [--for-publication]',
  options: { workbook: { type: 'string' }, out: { type: 'string' }, 'for-publication': { type: 'boolean' } },
  required: ['workbook', 'out'],
  async run({ values }, io, host) {
    const out = path.resolve(String(values.out));
    const forPublication = values['for-publication'] === true;
    const pack = await host.withWorkbook(String(values.workbook), { readOnly: true }, async (api) => {
      // One line per stage, or per tenth of the files, so a big pack shows movement without flooding.
      let last = '';
      const show = (p: { stage: string; done: number; total: number }) => {
        const adding = p.stage.startsWith('Adding files');
        const step = p.total > 10 ? Math.floor(p.done / Math.ceil(p.total / 10)) : p.done;
        const line = adding ? `Adding files: ${step}` : p.stage;
        if (line !== last && p.stage !== 'Not started' && p.stage !== 'Starting') io.err(adding ? `Adding files… ${p.done} of ${p.total}` : p.stage === 'Done' ? 'Done.' : `${p.stage}…`);
        last = line;
      };
      // The stages between come from pack:progress, asked every PROGRESS_POLL_MS: a quick pack may show none.
      io.err('Building the evidence pack…');
      let polling = true;
      const poll = (async () => {
        while (polling) {
          await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
          if (polling) show(await api.call('pack:progress', {}));
        }
      })();
      const stopPolling = async () => {
        polling = false;
        await poll;
      };
      try {
        const built = await api.call('pack:build', { forPublication });
        await stopPolling();
        show({ stage: 'Done', done: 0, total: 0 });
        return built;
      } finally {
        await stopPolling();
      }
    });
    host.save(out, pack.base64);
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
  async run({ values }, io, host) {
    const eventId = Number(values.event);
    if (!Number.isInteger(eventId) || eventId <= 0) throw new CliError('--event must be the number of an inspection event.', 2);
    const on = values.on === undefined ? undefined : parseUkDate(String(values.on));
    if (on === null) throw new CliError('--on must be a date such as 24/11/2026.', 2);
    const out = path.resolve(String(values.out));
    const file = await host.withWorkbook(String(values.workbook), { readOnly: true }, (api) => api.call('week:dailySummary', { eventId, on }));
    host.save(out, file.base64);
    io.out(`Daily summary${on ? ` for ${ukDate(on)}` : ''} written to ${out}.`);
    return 0;
  },
};

export const inspectionWeekCommands: CliCommand[] = [packCommand, dailySummaryCommand];
