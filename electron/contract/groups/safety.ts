/** Channels for: Backups and restore (issue #7). */
import type { ChannelDef } from '../define';

export const safetyChannels = {} as const satisfies Record<string, ChannelDef>;
