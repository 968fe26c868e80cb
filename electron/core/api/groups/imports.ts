/** Handlers for: first-run set-up and the imports (issue #16). */
import type { importChannels } from '../../../contract/groups/imports';
import { applyStatistics, cancelScan, previewUpload, sampleUpload, scanProgress } from '../../imports/indicators/statistics-import';
import { saveSetup } from '../../imports/workbook/set-up';
import type { GroupHandlers } from '../handler-types';

export const importHandlers: GroupHandlers<typeof importChannels> = {
  'setup:save': (ctx, input) => saveSetup(ctx, input),
  'statistics:sample': (ctx, input) => sampleUpload(ctx, input.uploadId),
  'statistics:preview': (ctx, input) => previewUpload(ctx, input),
  'statistics:progress': (_ctx, input) => scanProgress(input.jobId),
  'statistics:cancel': (_ctx, input) => cancelScan(input.jobId),
  'statistics:apply': (ctx, input) => applyStatistics(ctx, input),
};
