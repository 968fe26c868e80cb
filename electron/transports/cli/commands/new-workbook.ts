/**
 * `workbook new` (issue #16): creates the file through db/open-workbook, then sets up the area
 * through the contract over an in-process dispatch, exactly as the first-run set-up screen does.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createWorkbook } from '../../../../db/open-workbook';
import type { ChannelName } from '../../../contract/channels';
import { ApiFailure, createClient } from '../../../contract/client';
import { laCodeProblem } from '../../../contract/la-code';
import { createDispatcher } from '../../../core/api/dispatch';
import { WorkbookSession } from '../../../core/api/workbook-session';
import { CliError, type CliCommand } from '../command';

function removeWorkbookFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

export const newWorkbook: CliCommand = {
  name: 'new',
  summary: 'Create a new, empty workbook (the app asks for the rest of the area’s details when it first opens).',
  usage: 'workbook new --out FILE [--area NAME] [--la-code CODE] [--framework ID]',
  options: { out: { type: 'string' }, area: { type: 'string' }, 'la-code': { type: 'string' }, framework: { type: 'string' } },
  required: ['out'],
  async run({ values }, io) {
    const out = path.resolve(String(values.out));
    const areaName = values.area === undefined ? '' : String(values.area).trim();
    const laCode = values['la-code'] === undefined ? '' : String(values['la-code']);
    const frameworkId = values.framework === undefined ? '' : String(values.framework).trim();
    // Refuse a bad code before a file exists, with the same words the set-up screen uses.
    const codeProblem = laCodeProblem(laCode);
    if (codeProblem) throw new CliError(codeProblem, 2);

    const session = new WorkbookSession();
    const workbook = createWorkbook(out);
    session.use(workbook);
    const dispatch = createDispatcher(session);
    const api = createClient((channel: ChannelName, input: unknown) => dispatch(channel, input));
    try {
      if (frameworkId && !session.reference.frameworks.some((f) => f.id === frameworkId)) {
        throw new CliError(`There is no framework “${frameworkId}”. Choose one of: ${session.reference.frameworks.map((f) => f.id).join(', ')}.`, 2);
      }
      if (areaName) {
        await api.call('setup:save', { areaName, laCode, ...(frameworkId ? { defaultFrameworkId: frameworkId } : {}) });
      } else if (laCode || frameworkId) {
        await api.call('area:update', { ...(laCode ? { laCode } : {}), ...(frameworkId ? { defaultFrameworkId: frameworkId } : {}) });
      }
    } catch (e) {
      session.close();
      removeWorkbookFiles(out);
      if (e instanceof ApiFailure) throw new CliError(`${e.message} Nothing was created.`);
      throw e;
    }
    session.close();
    io.out(`Workbook created: ${out}`);
    if (!areaName) io.out('The first time it is opened, the app asks for the area name, LA code, partners and framework.');
    io.out(`Open it in browser mode with: npm run serve -- --workbook ${JSON.stringify(out)}`);
    return 0;
  },
};

export const newWorkbookCommands: CliCommand[] = [newWorkbook];
