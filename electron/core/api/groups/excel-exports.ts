/** Handlers for: the Excel action plan export and the lossless import of returns (issue #5). */
import type { excelExportChannels } from '../../../contract/groups/excel-exports';
import { buildPlanXlsx, planFileName, XLSX_MIME } from '../../exports/xlsx/build-plan-xlsx';
import { applyPreviewedReturn, previewPlanReturn } from '../../plan-returns/plan-returns';
import type { GroupHandlers } from '../handler-types';

const bytesOf = (base64: string) => Buffer.from(base64, 'base64');

export const excelExportHandlers: GroupHandlers<typeof excelExportChannels> = {
  'export:planXlsx': async (ctx, input) => {
    const bytes = await buildPlanXlsx(ctx, { planId: input.planId });
    return { fileName: planFileName(ctx, input.planId), mimeType: XLSX_MIME, base64: bytes.toString('base64') };
  },
  'import:planPreview': (ctx, input) => previewPlanReturn(ctx, bytesOf(input.base64), { fileName: input.fileName, returnedBy: input.returnedBy }),
  // A revert point before partners' returns change many records at once (issue #7): the contract
  // declares backupFirst, so dispatch backs up before the transaction opens.
  'import:planApply': (ctx, input) => applyPreviewedReturn(ctx, bytesOf(input.base64), { returnedBy: input.returnedBy, decisions: input.decisions }),
};
