/**
 * `workbook new` (issue #16): the host creates the file (db/open-workbook); the area is then set up
 * through the contract, exactly as the first-run set-up screen does it. A refusal leaves no file.
 */
import path from 'node:path';
import { laCodeProblem } from '../../../contract/la-code';
import { CliError, type CliCommand } from '../command';

export const newWorkbook: CliCommand = {
  name: 'new',
  summary: 'Create a new, empty workbook (the app asks for the rest of the area’s details when it first opens).',
  usage: 'workbook new --out FILE [--area NAME] [--la-code CODE] [--framework ID]',
  options: { out: { type: 'string' }, area: { type: 'string' }, 'la-code': { type: 'string' }, framework: { type: 'string' } },
  required: ['out'],
  async run({ values }, io, host) {
    const out = path.resolve(String(values.out));
    const areaName = values.area === undefined ? '' : String(values.area).trim();
    const laCode = values['la-code'] === undefined ? '' : String(values['la-code']);
    const frameworkId = values.framework === undefined ? '' : String(values.framework).trim();
    // Refuse a bad code before a file exists, with the same words the set-up screen uses.
    const codeProblem = laCodeProblem(laCode);
    if (codeProblem) throw new CliError(codeProblem, 2);

    await host.withNewWorkbook(out, {}, async (api) => {
      if (frameworkId) {
        const { frameworks } = await api.call('reference:get', {});
        if (!frameworks.some((f) => f.id === frameworkId)) throw new CliError(`There is no framework “${frameworkId}”. Choose one of: ${frameworks.map((f) => f.id).join(', ')}. Nothing was created.`, 2);
      }
      if (areaName) {
        await api.call('setup:save', { areaName, laCode, ...(frameworkId ? { defaultFrameworkId: frameworkId } : {}) });
      } else if (laCode || frameworkId) {
        await api.call('area:update', { ...(laCode ? { laCode } : {}), ...(frameworkId ? { defaultFrameworkId: frameworkId } : {}) });
      }
    });
    io.out(`Workbook created: ${out}`);
    if (!areaName) io.out('The first time it is opened, the app asks for the area name, LA code, partners and framework.');
    io.out(`Open it in browser mode with: npm run serve -- --workbook ${JSON.stringify(out)}`);
    return 0;
  },
};

export const newWorkbookCommands: CliCommand[] = [newWorkbook];
