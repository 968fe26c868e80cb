/** Handlers for importing an action plan from a council's spreadsheet (issue #16, part 3). */
import type { planSheetChannels } from '../../../contract/groups/plan-sheet';
import { ServiceError } from '../../services/service-error';
import type { GroupHandlers } from '../handler-types';

// The contract is published first so the import wizard can be built against it; the reading,
// preview and apply steps follow in electron/core/imports/plan-sheet/.
const notYet = (): never => {
  throw new ServiceError('not_allowed', 'Importing a plan from a spreadsheet is not ready yet in this version.');
};

export const planSheetHandlers: GroupHandlers<typeof planSheetChannels> = {
  'planSheet:sample': notYet,
  'planSheet:preview': notYet,
  'planSheet:apply': notYet,
};
