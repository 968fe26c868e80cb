/** Handlers for: Inspection week: timeline, requests, tracked children, pack (issue #8). */
import type { inspectionWeekChannels } from '../../contract/groups/inspection-week';
import type { GroupHandlers } from '../handler-types';

export const inspectionWeekHandlers: GroupHandlers<typeof inspectionWeekChannels> = {};
