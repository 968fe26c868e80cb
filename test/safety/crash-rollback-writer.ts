/**
 * Child process for crash-rollback.test.ts: makes COUNT changes through the services, each in its
 * own transaction as dispatch runs it, prints "ack <title>" after each commit and "done" at the end,
 * then waits to be killed. Automatic checkpoints are off, so every change stays in the -wal (the
 * state in which a sync tool deleting the -wal loses them all, issue #14).
 * Usage: node crash-rollback-writer.mjs FILE COUNT
 */
import { openWorkbook } from '../../db/open-workbook';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import { partnerService } from '../../electron/core/services/area-service';

const [file, count] = process.argv.slice(2) as [string, string];
const session = new WorkbookSession();
session.use(await openWorkbook(file));
const ctx = session.context()!;
const sqlite = ctx.workbook.sqlite;
sqlite.pragma('wal_autocheckpoint = 0');

for (let i = 0; i < Number(count); i++) {
  const title = `change ${i}`;
  sqlite.transaction(() => partnerService.create(ctx, { name: title, kind: 'other', notes: '' })).immediate();
  // Let the event loop turn, as it does between requests in the app (the history record follows).
  await new Promise((resolve) => setImmediate(resolve));
  process.stdout.write(`ack ${title}\n`);
}
process.stdout.write('done\n');
setInterval(() => {}, 1000);
