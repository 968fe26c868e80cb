/**
 * The window globals the Electron preload exposes to the renderer (pure types and constants, safe to
 * import from renderer/). `window.workbook` carries the contract; `window.workbookShell` carries the
 * few desktop-only actions. Paths never cross this boundary: dialogs run in the main process and
 * the renderer sees file names and opaque ids only.
 *
 * In browser mode (`npm run serve`) `window.workbookShell` is absent: check before using it.
 */
import type { ChannelInput, ChannelName, ChannelOutput } from './channels';
import type { Result } from './define';

/** `window.workbook`: the contract over IPC. Unknown channel names are refused by the preload. */
export interface WorkbookBridge {
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
}

/** `cancelled`: the officer closed a dialog (show nothing). `failed`: show `message` as it is. */
export type ShellErrorCode = 'cancelled' | 'failed' | 'not_allowed' | 'not_found';

export type ShellResult<T> = { ok: true; value: T } | { ok: false; error: { code: ShellErrorCode; message: string } };

/** A workbook in the recent list. `id` is opaque (pass it to openRecent); no path is exposed. */
export interface RecentWorkbook {
  id: string;
  fileName: string;
  /** The folder's name only (e.g. "Evidence Workbook"), to tell same-named files apart. */
  folderName: string;
  /** ISO timestamp of when it was last opened in this app. */
  openedAt: string;
}

export interface OpenedWorkbook {
  fileName: string;
  readOnly: boolean;
}

export interface ShellState {
  appVersion: string;
  /** True until the officer has opened or created a workbook for the first time: show the welcome screen. */
  firstRun: boolean;
  /** The workbook open now, or null (show the welcome screen). */
  current: OpenedWorkbook | null;
  recent: RecentWorkbook[];
  /**
   * Set when the last workbook could not be reopened at start (damaged, newer version, missing):
   * an officer-readable sentence to show on the welcome screen. Cleared once read.
   */
  startupMessage: string | null;
}

export interface NewWorkbookRequest {
  areaName: string;
  frameworkId: string;
}

export interface SaveFileRequest {
  /** Suggested name only; the officer chooses the folder and may change it in the save dialog. */
  fileName: string;
  mimeType: string;
  base64: string;
}

/**
 * What the menu asks the renderer to do. `workbook:opened` means the main process opened another
 * workbook (File > Open…, Open recent): reload everything and call getShellState().
 */
export const menuActions = [
  'workbook:new',
  'workbook:opened',
  'export:sef',
  'export:progress-report',
  'export:action-plan',
  'export:evidence-pack',
  'help:guide',
] as const;

export type MenuAction = (typeof menuActions)[number];

export function isMenuAction(value: unknown): value is MenuAction {
  return typeof value === 'string' && (menuActions as readonly string[]).includes(value);
}

/** `window.workbookShell`: desktop-only actions. Every method resolves; none throws. */
export interface WorkbookShell {
  getShellState(): Promise<ShellState>;
  /** Asks where to save (main-process dialog), creates the workbook and opens it. */
  newWorkbook(request: NewWorkbookRequest): Promise<ShellResult<OpenedWorkbook>>;
  /** Shows the open dialog and opens the chosen workbook. */
  openWorkbook(): Promise<ShellResult<OpenedWorkbook>>;
  openRecent(id: string): Promise<ShellResult<OpenedWorkbook>>;
  /** Builds the demo workbook (Bristol, from public documents) in the documents folder and opens it. */
  openDemo(): Promise<ShellResult<OpenedWorkbook>>;
  /** Saves a consistent copy of the open workbook where the officer chooses. */
  saveCopy(): Promise<ShellResult<{ fileName: string }>>;
  /** Saves an export's bytes where the officer chooses. */
  saveFile(file: SaveFileRequest): Promise<ShellResult<{ fileName: string }>>;
  /** Opens an https link in the system browser; anything else is refused. */
  openExternal(url: string): Promise<ShellResult<null>>;
  /** Subscribes to menu actions; returns the unsubscribe function. */
  onMenu(callback: (action: MenuAction) => void): () => void;
}

declare global {
  interface Window {
    workbook?: WorkbookBridge;
    workbookShell?: WorkbookShell;
  }
}
