/**
 * How the Electron shell reaches the evidence-file work (file-ops.ts) in the workbook host: one
 * message per action. Kept apart from file-ops so the main process's bundle carries only messages,
 * not the services behind them.
 */
import type { ImportFolderRequest, ImportProgressView, ImportSummaryView, PickedFilesSummary } from '../../contract/files-shell-api';
import type { HostClient } from './host-client';
import { HOST_EVENTS, type HostResult } from './host-protocol';

export interface StoredFileBytes {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface FilesBackend {
  /** Whether a workbook is open and may be written (checked before a dialog is shown). */
  current(): Promise<{ readOnly: boolean } | null>;
  readFile(fileId: number): Promise<HostResult<StoredFileBytes>>;
  attachFiles(evidenceId: number, paths: string[]): Promise<HostResult<PickedFilesSummary>>;
  importFolder(request: ImportFolderRequest & { folder: string }, onProgress: (p: ImportProgressView) => void): Promise<HostResult<ImportSummaryView>>;
  cancelImport(): Promise<void>;
}

/** The app's backend: every action is a message to the workbook host. */
export function hostFilesBackend(client: HostClient): FilesBackend {
  return {
    current: async () => {
      const r = await client.op<{ readOnly: boolean } | null>('host:current', {});
      return r.ok ? r.value : null;
    },
    readFile: (fileId) => client.op<StoredFileBytes>('host:readFile', { fileId }),
    attachFiles: (evidenceId, paths) => client.op<PickedFilesSummary>('host:attachFiles', { evidenceId, paths }),
    importFolder: async (request, onProgress) => {
      const off = client.on(HOST_EVENTS.importProgress, (p) => onProgress(p as ImportProgressView));
      try {
        return await client.op<ImportSummaryView>('host:importFolder', request);
      } finally {
        off();
      }
    },
    cancelImport: async () => {
      await client.op('host:cancelImport', {});
    },
  };
}

