/** Handlers for importing an action plan from a council's spreadsheet (issue #16, part 3). */
import type { planSheetChannels } from '../../../contract/groups/plan-sheet';
import { applyPlanSheet, previewPlanSheet, samplePlanSheet } from '../../imports/plan-sheet/plan-sheet-import';
import type { GroupHandlers } from '../handler-types';

export const planSheetHandlers: GroupHandlers<typeof planSheetChannels> = {
  'planSheet:sample': (ctx, input) => samplePlanSheet(ctx, input),
  'planSheet:preview': (ctx, input) => previewPlanSheet(ctx, input),
  'planSheet:apply': (ctx, input) => applyPlanSheet(ctx, input),
};
