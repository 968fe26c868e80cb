/** Handlers for: the plan the Overview follows (issue #13). */
import type { overviewChannels } from '../../../contract/groups/overview';
import { chooseOverviewPlan } from '../../services/reports-service';
import type { GroupHandlers } from '../handler-types';

export const overviewHandlers: GroupHandlers<typeof overviewChannels> = {
  'overview:choosePlan': (ctx, input) => chooseOverviewPlan(ctx, input),
};
