/** Channels for: the Excel action plan export and the lossless import of returns (issue #5). */
import type { ChannelDef } from '../define';

export const excelExportChannels = {} as const satisfies Record<string, ChannelDef>;
