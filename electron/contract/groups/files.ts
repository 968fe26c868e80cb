/** Channels for: Evidence files and search (issue #6). */
import type { ChannelDef } from '../define';

export const fileChannels = {} as const satisfies Record<string, ChannelDef>;
