/** Handlers for: correcting records and reading their history (issue #15). */
import type { recordChannels } from '../../../contract/groups/records';
import { historyService } from '../../services/history-service';
import { wordHistory } from '../../services/history-wording';
import { saveVerdicts } from '../../services/verdicts-service';
import type { GroupHandlers } from '../handler-types';

export const recordHandlers: GroupHandlers<typeof recordChannels> = {
  'assessment:saveMany': (ctx, input) => saveVerdicts(ctx, input),
  'history:changes': (ctx, input) => {
    const page = historyService.filtered(ctx, input);
    return { items: wordHistory(ctx, page.items), total: page.total, authors: historyService.authors(ctx) };
  },
};
