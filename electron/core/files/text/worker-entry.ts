/** The text-extraction worker: runs extractText off the main thread (issue #6). */
import { parentPort } from 'node:worker_threads';
import { extractText } from './extract-text';

export interface ExtractRequest {
  id: number;
  bytes: Uint8Array;
  mimeType: string;
}

parentPort?.on('message', (request: ExtractRequest) => {
  void extractText(request.bytes, request.mimeType).then((result) => parentPort?.postMessage({ id: request.id, result }));
});
