/**
 * `window.workbookFiles`: the desktop-only file actions (issue #6). Pure types and constants, safe
 * for the renderer. Dialogs run in the main process, which reads and writes the files itself: the
 * page sends evidence and file ids, never paths, and gets back names and summaries.
 *
 * In browser mode (`npm run serve`) `window.workbookFiles` is absent: attach with 'file:attach' /
 * 'file:upload*' and download with 'file:get' instead.
 */
import type { EvidenceKind, EvidenceLevel } from './enums';
import type { ShellResult } from './shell-api';

export interface PickedFilesSummary {
  attached: { fileName: string; notice: string | null; alreadyAttached: boolean }[];
  refused: { fileName: string; reason: string }[];
}

export interface ImportProgressView {
  done: number;
  total: number;
  bytesDone: number;
  bytesTotal: number;
  /** The file being read now, relative to the chosen folder. */
  current: string | null;
  imported: number;
  duplicates: number;
  refused: number;
}

export interface ImportSummaryView {
  /** The chosen folder's name (not its path). */
  folderName: string;
  imported: { file: string; evidenceId: number; reference: string; notice: string | null }[];
  duplicates: { file: string; existingReference: string; existingFileName: string }[];
  refused: { file: string; reason: string }[];
  notImported: number;
  cancelled: boolean;
  bytesImported: number;
  elapsedMs: number;
}

export interface ImportFolderRequest {
  kind?: EvidenceKind;
  level?: EvidenceLevel;
}

export interface FilesShell {
  /** Opens a stored file with the system's viewer (a temporary copy is written first). */
  openFile(fileId: number): Promise<ShellResult<null>>;
  /** Asks where to save (main-process dialog) and writes the file there. */
  saveFileAs(fileId: number): Promise<ShellResult<{ fileName: string }>>;
  /** Shows the open dialog (several files allowed) and attaches the chosen files. */
  pickAndAttach(evidenceId: number): Promise<ShellResult<PickedFilesSummary>>;
  /** Shows the folder dialog and imports every file in it; progress arrives via onImportProgress. */
  importFolder(request: ImportFolderRequest): Promise<ShellResult<ImportSummaryView>>;
  /** Stops the running import after the current file. */
  cancelImport(): Promise<void>;
  onImportProgress(callback: (progress: ImportProgressView) => void): () => void;
}

export const filesIpc = {
  openFile: 'files:openFile',
  saveFileAs: 'files:saveFileAs',
  pickAndAttach: 'files:pickAndAttach',
  importFolder: 'files:importFolder',
  cancelImport: 'files:cancelImport',
} as const satisfies Record<Exclude<keyof FilesShell, 'onImportProgress'>, string>;

export const FILES_PROGRESS_EVENT = 'files:importProgress';

declare global {
  interface Window {
    workbookFiles?: FilesShell;
  }
}
