/** Sends a file to the workbook in chunks through file:uploadBegin / file:uploadChunk, as the page does; answers its upload id. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '../../contract/client';

export async function uploadFile(api: Client, file: string): Promise<string> {
  const bytes = readFileSync(file);
  const { uploadId, chunkBytes } = await api.call('file:uploadBegin', { fileName: path.basename(file), size: bytes.length });
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += chunkBytes) {
    await api.call('file:uploadChunk', { uploadId, seq, base64: bytes.subarray(at, at + chunkBytes).toString('base64') });
  }
  return uploadId;
}
