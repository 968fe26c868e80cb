/**
 * Sends a file's bytes through the contract (browser mode and drag and drop): one 'file:attach'
 * for small files, otherwise 'file:uploadBegin' / 'file:uploadChunk' / 'file:uploadFinish'.
 */
import type { Client } from '../../../electron/contract/client';
import { MAX_SINGLE_ATTACH_BYTES, type AttachResult } from '../../../electron/contract/groups/files';

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface UploadSource {
  name: string;
  size: number;
  slice(start: number, end: number): Blob;
}

export async function uploadFile(client: Client, evidenceId: number, file: UploadSource, onProgress?: (sent: number) => void): Promise<AttachResult> {
  const bytesOf = async (start: number, end: number) => new Uint8Array(await file.slice(start, end).arrayBuffer());
  if (file.size <= MAX_SINGLE_ATTACH_BYTES) {
    const result = await client.call('file:attach', { evidenceId, fileName: file.name, base64: toBase64(await bytesOf(0, file.size)) });
    onProgress?.(file.size);
    return result;
  }
  const { uploadId, chunkBytes } = await client.call('file:uploadBegin', { fileName: file.name, size: file.size });
  try {
    for (let seq = 0, at = 0; at < file.size; seq++, at += chunkBytes) {
      await client.call('file:uploadChunk', { uploadId, seq, base64: toBase64(await bytesOf(at, Math.min(file.size, at + chunkBytes))) });
      onProgress?.(Math.min(file.size, at + chunkBytes));
    }
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
