/** Handlers for: Backups and restore (issue #7). */
import type { safetyChannels } from '../../contract/groups/safety';
import type { GroupHandlers } from '../handler-types';

export const safetyHandlers: GroupHandlers<typeof safetyChannels> = {};
