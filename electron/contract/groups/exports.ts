/** Channels for: Word and Excel exports and the Excel plan import (issues #4, #5). */
import type { ChannelDef } from '../define';

export const exportChannels = {} as const satisfies Record<string, ChannelDef>;
