/**
 * Attaches a file's bytes to an evidence item through the contract (browser mode and drag and
 * drop): one 'file:attach' for small files, otherwise sent in pieces (api/send-file), then
 * 'file:uploadFinish'.
 */
import type { Client } from '../../../electron/contract/client';
import { MAX_SINGLE_ATTACH_BYTES, type AttachResult } from '../../../electron/contract/groups/files';
import { readBytes, sendFile, toBase64, type UploadSource } from '../../api/send-file';

export async function uploadFile(client: Client, evidenceId: number, file: UploadSource, onProgress?: (sent: number) => void): Promise<AttachResult> {
  if (file.size <= MAX_SINGLE_ATTACH_BYTES) {
    const result = await client.call('file:attach', { evidenceId, fileName: file.name, base64: toBase64(await readBytes(file.slice(0, file.size))) });
    onProgress?.(file.size);
    return result;
  }
  const uploadId = await sendFile(client, file, (done) => onProgress?.(done));
  try {
    return await client.call('file:uploadFinish', { uploadId, evidenceId });
  } catch (e) {
    await client.call('file:uploadCancel', { uploadId }).catch(() => undefined);
    throw e;
  }
}

/** Browser mode: hands the bytes to the browser as a download. */
export function downloadBytes(fileName: string, mimeType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
