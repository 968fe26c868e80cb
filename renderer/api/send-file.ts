/**
 * Sends a chosen file to the backend in pieces (file:uploadBegin / file:uploadChunk), with
 * progress, and returns the upload's id: an import reads it in place, evidence files finish it
 * into the store, and cancelling the upload removes the copy. One way for every screen that sends
 * a file (the evidence panel, the letter, statistics and plan spreadsheet imports).
 */
import type { Client } from '../../electron/contract/client';

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const FILE_UNREADABLE = 'The file could not be read. Check it is not open in another program, then choose it again. Nothing was changed.';

/** What the caller needs of a file: a browser File, or a stand-in with the same three members. */
export interface UploadSource {
  name: string;
  size: number;
  slice(start: number, end: number): Blob;
}

/** FileReader rather than Blob.arrayBuffer: it works in every embedded browser the app meets (as the Excel return import found). */
export function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error(FILE_UNREADABLE));
    reader.readAsArrayBuffer(blob);
  });
}

/** Sends every piece; on any failure the partial upload is cancelled before the error is passed on. */
export async function sendFile(client: Client, file: UploadSource, onProgress: (done: number, total: number) => void): Promise<string> {
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
