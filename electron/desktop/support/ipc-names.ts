/**
 * Names of the IPC messages between preload and main. The contract itself travels on ONE invoke
 * channel whose payload names a contract channel; the shell's few desktop actions have their own.
 */
import type { WorkbookShell } from '../../contract/shell-api';

export const INVOKE_CHANNEL = 'workbook:invoke';
export const MENU_EVENT = 'shell:menu';

type InvokedShellMethod = Exclude<keyof WorkbookShell, 'onMenu'>;

export const shellIpc = {
  getShellState: 'shell:getShellState',
  newWorkbook: 'shell:newWorkbook',
  openWorkbook: 'shell:openWorkbook',
  openRecent: 'shell:openRecent',
  openDemo: 'shell:openDemo',
  saveCopy: 'shell:saveCopy',
  saveFile: 'shell:saveFile',
  openExternal: 'shell:openExternal',
} as const satisfies Record<InvokedShellMethod, string>;
