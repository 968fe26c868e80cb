/** Handlers for: Word and Excel exports and the Excel plan import (issues #4, #5). */
import type { exportChannels } from '../../contract/groups/exports';
import type { GroupHandlers } from '../handler-types';

export const exportHandlers: GroupHandlers<typeof exportChannels> = {};
