/**
 * Sends a chosen spreadsheet to the backend in pieces (file:uploadBegin / file:uploadChunk), with
 * progress, and returns the upload's id: the import reads it in place, and cancelling the upload
 * when the wizard closes removes the copy.
 */
import type { Client } from '../../../electron/contract/client';
import { toBase64 } from '../evidence-files/upload-file';

/** The file kinds the import reads; anything else is refused before it is sent. */
export const SHEET_EXTENSIONS = ['.xlsx', '.csv'] as const;

export function sheetFileProblem(name: string): string | null {
  const lower = name.toLowerCase();
  if (SHEET_EXTENSIONS.some((x) => lower.endsWith(x))) return null;
  if (lower.endsWith('.xls')) return `“${name}” is an older Excel file (.xls). Open it in Excel, save it as an Excel Workbook (.xlsx), then choose that copy.`;
  return `“${name}” is not an Excel workbook (.xlsx) or a CSV file. Choose the spreadsheet the plan is kept in.`;
}

/** FileReader rather than Blob.arrayBuffer: it works in every embedded browser the app meets (as the Excel return import found). */
function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error(FILE_UNREADABLE));
    reader.readAsArrayBuffer(blob);
  });
}

export const FILE_UNREADABLE = 'The file could not be read. Check it is not open in another program, then choose it again. Nothing was changed.';

export async function sendFile(client: Client, file: File, onProgress: (done: number, total: number) => void): Promise<string> {
  const begun = await client.call('file:uploadBegin', { fileName: file.name, size: file.size });
  try {
    onProgress(0, file.size);
    for (let seq = 0, at = 0; at < file.size; seq++, at += begun.chunkBytes) {
      const bytes = await readBytes(file.slice(at, Math.min(file.size, at + begun.chunkBytes)));
      await client.call('file:uploadChunk', { uploadId: begun.uploadId, seq, base64: toBase64(bytes) });
      onProgress(Math.min(file.size, at + begun.chunkBytes), file.size);
    }
    return begun.uploadId;
  } catch (e) {
    await client.call('file:uploadCancel', { uploadId: begun.uploadId }).catch(() => undefined);
    throw e;
  }
}

export function cancelUpload(client: Client, uploadId: string | null): void {
  if (uploadId) void client.call('file:uploadCancel', { uploadId }).catch(() => undefined);
}
