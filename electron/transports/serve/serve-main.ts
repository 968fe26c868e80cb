/** `npm run serve -- [--workbook FILE | --folder DIR] [--port N]`: browser mode on 127.0.0.1 with a one-time token. */
import { parseArgs } from 'node:util';
import { WorkbookError } from '../../../db/open-workbook';
import { startServer } from './start-server';
import { chooseStart, StartRefused, type StartChoice } from './start-choice';

const USAGE = 'Usage: npm run serve -- [--workbook FILE | --folder DIR] [--yes] [--port N]\n(Without --workbook, the page offers to start or open a workbook in --folder, by default the current folder.)';

export async function serveMain(argv: string[]): Promise<number> {
  let values: { workbook?: string; folder?: string; yes?: boolean; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { workbook: { type: 'string' }, folder: { type: 'string' }, yes: { type: 'boolean' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let choice: StartChoice;
  try {
    choice = await chooseStart(values);
  } catch (e) {
    if (e instanceof StartRefused) {
      console.error(e.message);
      return 1;
    }
    throw e;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535.\n${USAGE}`);
    return 2;
  }
  try {
    // Rolling backups as in the desktop app: on open, then every 15 minutes while there are changes.
    const server = await startServer({ ...choice, port, backups: true });
    console.log(
      choice.workbookPath
        ? `Evidence Workbook is open in browser mode for ${choice.workbookPath}`
        : `Evidence Workbook is running in browser mode: start or open a workbook in ${choice.folder}`,
    );
    console.log(`Open this address in your browser (it contains a one-time access token):\n\n  ${server.url}\n`);
    console.log('Only this computer can connect. Backups are kept in a folder beside the workbook. Press Ctrl+C to stop.');
    const stop = () => {
      void server.close().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  } catch (e) {
    if (e instanceof WorkbookError) {
      console.error(e.message);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${port} is already in use. Choose another with --port, or leave it out to pick a free one.`);
      return 1;
    }
    throw e;
  }
}
