/**
 * Child process for crash-safety.test.ts: writes through the services, each change in its own
 * transaction as dispatch runs it, and prints "ack <title>" only after the change has committed.
 * The parent kills it with SIGKILL. Usage: node --import tsx test/safety/crash-writer.ts FILE RUN
 */
import { openWorkbook } from '../../db/open-workbook';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import { partnerService } from '../../electron/core/services/area-service';
import { evidenceService } from '../../electron/core/services/evidence-service';

const [file, run] = process.argv.slice(2) as [string, string];
const session = new WorkbookSession();
session.use(await openWorkbook(file));
const ctx = session.context()!;
const sqlite = ctx.workbook.sqlite;

process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const title = `run ${run} change ${i}`;
  sqlite.transaction(() => {
    if (i % 4 === 3) partnerService.create(ctx, { name: title, kind: 'other', notes: 'n'.repeat(i % 3000) });
    else {
      evidenceService.create(ctx, {
        title,
        kind: 'document',
        level: 'output',
        summary: 's'.repeat((i * 97) % 5000),
        ownerPersonId: null,
        effectiveFrom: null,
        effectiveTo: null,
        location: '',
        containsPersonalData: false,
      });
    }
  })();
  // Pipes are written synchronously on Linux and macOS: once this returns, the parent has it.
  process.stdout.write(`ack ${title}\n`);
  // Let the event loop breathe so the kill can land between, and during, writes.
  if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
}
