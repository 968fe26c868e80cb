/** Handlers for: the Excel action plan export and the lossless import of returns (issue #5). */
import type { excelExportChannels } from '../../contract/groups/excel-exports';
import type { GroupHandlers } from '../handler-types';

export const excelExportHandlers: GroupHandlers<typeof excelExportChannels> = {};
