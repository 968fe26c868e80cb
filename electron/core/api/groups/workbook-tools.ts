/** Handlers for: the workbook check, the JSON export and one-file evidence import (issue #12). */
import path from 'node:path';
import type { workbookToolChannels } from '../../../contract/groups/workbook-tools';
import { memorySource } from '../../files/byte-source';
import { importFileAsEvidence } from '../../files/import-folder';
import { scheduleTextExtraction } from '../../files/text/text-queue';
import { finishUpload } from '../../files/upload-sessions';
import { backupsDirFor } from '../../safety/safety-config';
import { checkOpenWorkbook } from '../../workbook-check/check-workbook';
import { exportWorkbookJson, serialiseWorkbookJson } from '../../workbook-json/workbook-json';
import type { GroupHandlers } from '../handler-types';

export const workbookToolHandlers: GroupHandlers<typeof workbookToolChannels> = {
  'workbook:check': (ctx, input) => checkOpenWorkbook(ctx.workbook, { backupsDir: backupsDirFor(ctx.workbook), full: input.full }),
  'workbook:exportJson': (ctx) => ({
    fileName: `${path.basename(ctx.workbook.path, path.extname(ctx.workbook.path))}.json`,
    mimeType: 'application/json',
    base64: Buffer.from(serialiseWorkbookJson(exportWorkbookJson(ctx.workbook.sqlite))).toString('base64'),
  }),
  'evidence:importFile': (ctx, input) => {
    const place = { relative: input.relativePath, folderName: input.folderName };
    const options = { kind: input.kind, level: input.level };
    const outcome =
      input.uploadId !== undefined
        ? finishUpload(ctx.workbook.path, input.uploadId, (source) => importFileAsEvidence(ctx, source, place, options))
        : importFileAsEvidence(ctx, memorySource(new Uint8Array(Buffer.from(input.base64 ?? '', 'base64'))), place, options);
    // Starts after this transaction commits; the file is searchable by name at once, by its text soon after.
    if (outcome.outcome === 'imported') void scheduleTextExtraction(ctx);
    return outcome;
  },
};
