/** Handlers for importing a published inspection letter (issue #16, part 3). */
import type { letterChannels } from '../../../contract/groups/letters';
import { applyLetter, previewLetter } from '../../imports/letters/letter-import';
import type { GroupHandlers } from '../handler-types';

export const letterHandlers: GroupHandlers<typeof letterChannels> = {
  'letter:preview': (ctx, input) => previewLetter(ctx, input.source),
  'letter:apply': (ctx, input) => applyLetter(ctx, input),
};
