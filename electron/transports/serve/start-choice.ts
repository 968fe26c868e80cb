/**
 * What `serve` opens (issue #16): the named workbook; or, with no --workbook, the Welcome screen
 * for the --folder (default: the current folder); or, for a --workbook that does not exist yet and
 * once the person confirms, the Welcome screen for its folder with its name suggested.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { WorkbookError } from '../../../db/open-workbook';
import { assertUsableFile } from '../../core/imports/workbook/usable';
import { loadReferenceData } from '../../core/reference/load-reference';

export interface StartChoice {
  workbookPath?: string;
  folder: string;
  suggestedName?: string;
}

export type Confirm = (question: string) => Promise<boolean>;

/** Asks on the terminal; without one (a script) the answer is no. */
export const terminalConfirm: Confirm = async (question) => {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question(`${question} [y/N] `)).trim());
  } finally {
    rl.close();
  }
};

export class StartRefused extends Error {}

export async function chooseStart(values: { workbook?: string; folder?: string; yes?: boolean }, confirm: Confirm = terminalConfirm): Promise<StartChoice> {
  const folder = path.resolve(values.folder ?? (values.workbook ? path.dirname(path.resolve(values.workbook)) : process.cwd()));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new StartRefused(`There is no folder at ${folder}.`);
  if (!values.workbook) return { folder };
  const file = path.resolve(values.workbook);
  if (existsSync(file)) {
    // A file the app could not use is refused here, with the reason, not opened to fail on the page.
    try {
      await assertUsableFile(file, loadReferenceData());
    } catch (e) {
      if (e instanceof WorkbookError && e.code === 'not_a_workbook') throw new StartRefused(e.message);
      throw e;
    }
    return { workbookPath: file, folder };
  }
  if (values.folder && path.dirname(file) !== folder) throw new StartRefused(`${file} is not in the folder given with --folder (${folder}).`);
  const ok = values.yes || (await confirm(`There is no workbook at ${file}. Start a new workbook there?`));
  if (!ok) {
    throw new StartRefused(
      `There is no workbook at ${file}. To start a new one, run again and answer yes (or add --yes), or run without --workbook to choose on the Welcome page.`,
    );
  }
  return { folder: path.dirname(file), suggestedName: path.basename(file) };
}
