/** Channels for: Inspection week: timeline, requests, tracked children, pack (issue #8). */
import type { ChannelDef } from '../define';

export const inspectionWeekChannels = {} as const satisfies Record<string, ChannelDef>;
