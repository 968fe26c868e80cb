/** Channels for: Word exports: the self-evaluation and the progress report (issue #4). */
import type { ChannelDef } from '../define';

export const wordExportChannels = {} as const satisfies Record<string, ChannelDef>;
