/** Handlers for: first-run set-up and the imports (issue #16). */
import type { importChannels } from '../../../contract/groups/imports';
import { saveSetup } from '../../imports/workbook/set-up';
import type { GroupHandlers } from '../handler-types';

export const importHandlers: GroupHandlers<typeof importChannels> = {
  'setup:save': (ctx, input) => saveSetup(ctx, input),
};
