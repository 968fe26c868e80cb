/** Channels for: the plan the Overview follows, chosen by the user and kept in the workbook (issue #13). */
import { command, type ChannelDef } from '../define';
import { overviewPlanChoice, overviewPlanChosen } from '../schemas/reports';

export const overviewChannels = {
  'overview:choosePlan': command(overviewPlanChoice, overviewPlanChosen),
} as const satisfies Record<string, ChannelDef>;
