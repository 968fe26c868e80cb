/** Handlers for: Evidence files and search (issue #6). */
import type { fileChannels } from '../../contract/groups/files';
import type { GroupHandlers } from '../handler-types';

export const fileHandlers: GroupHandlers<typeof fileChannels> = {};
