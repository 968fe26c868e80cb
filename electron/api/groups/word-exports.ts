/** Handlers for: Word exports: the self-evaluation and the progress report (issue #4). */
import type { wordExportChannels } from '../../contract/groups/word-exports';
import type { GroupHandlers } from '../handler-types';

export const wordExportHandlers: GroupHandlers<typeof wordExportChannels> = {};
