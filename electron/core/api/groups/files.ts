/** Handlers for: evidence files and search (issue #6). */
import type { fileChannels } from '../../../contract/groups/files';
import { memorySource } from '../../files/byte-source';
import { attachFile, deleteFile, listFiles, readFile } from '../../files/file-store';
import { scheduleTextExtraction, whenTextReady } from '../../files/text/text-queue';
import { appendUpload, beginUpload, cancelUpload, finishUpload } from '../../files/upload-sessions';
import { searchWorkbook } from '../../search/search-workbook';
import type { GroupHandlers } from '../handler-types';

const bytesOf = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'));

export const fileHandlers: GroupHandlers<typeof fileChannels> = {
  'search:query': (ctx, input) => searchWorkbook(ctx, input),

  'file:list': (ctx, input) => listFiles(ctx, input.evidenceId),
  'file:attach': (ctx, input) => {
    const result = attachFile(ctx, input.evidenceId, memorySource(bytesOf(input.base64)), input.fileName);
    // Starts after this transaction commits; the file is searchable by name at once, by its text soon after.
    void scheduleTextExtraction(ctx);
    return result;
  },
  'file:uploadBegin': (ctx, input) => beginUpload(ctx.workbook.path, input.fileName, input.size),
  'file:uploadChunk': (ctx, input) => appendUpload(ctx.workbook.path, input.uploadId, input.seq, bytesOf(input.base64)),
  'file:uploadFinish': (ctx, input) => {
    const result = finishUpload(ctx.workbook.path, input.uploadId, (source, name) => attachFile(ctx, input.evidenceId, source, name));
    void scheduleTextExtraction(ctx);
    return result;
  },
  'file:uploadCancel': (ctx, input) => {
    cancelUpload(ctx.workbook.path, input.uploadId);
    return { ok: true as const };
  },
  'file:get': (ctx, input) => {
    const file = readFile(ctx, input.id);
    return { fileName: file.fileName, mimeType: file.mimeType, size: file.bytes.length, base64: Buffer.from(file.bytes).toString('base64') };
  },
  'file:delete': (ctx, input) => deleteFile(ctx, input.id),
  'file:processText': async (ctx) => whenTextReady(ctx),
};
