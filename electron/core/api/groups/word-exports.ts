/** Handlers for: Word exports: the self-evaluation and the progress report (issue #4). */
import type { wordExportChannels } from '../../../contract/groups/word-exports';
import { buildProgressModel } from '../../exports/docx/progress-model';
import { milestoneSentences, progressTitle, renderProgressDocx } from '../../exports/docx/progress-document';
import { buildSefModel } from '../../exports/docx/sef-model';
import { DOCX_MIME, renderSefDocx } from '../../exports/docx/sef-document';
import { safeFileName } from '../../exports/docx/file-name';
import type { GroupHandlers } from '../handler-types';

export const wordExportHandlers: GroupHandlers<typeof wordExportChannels> = {
  'export:sefDocx': async (ctx, input) => {
    const model = buildSefModel(ctx, input);
    const bytes = await renderSefDocx(model, ctx.now());
    const suffix = input.publication ? ' (for publication)' : '';
    return {
      fileName: safeFileName(`${model.area.name} ${model.sef.title} ${model.sef.asOf}${suffix}`, 'docx'),
      mimeType: DOCX_MIME,
      base64: bytes.toString('base64'),
      summary: {
        title: model.sef.title,
        asOf: model.sef.asOf,
        sectionsIncluded: model.sections.filter((s) => !s.withheld).length,
        sectionsTotal: model.sections.length,
        evidenceInIndex: model.evidence.length,
        draftSectionsLeftOut: model.draftSectionsLeftOut,
        evidenceWithheld: model.evidenceWithheld,
        publication: model.options.publication,
      },
    };
  },
  'export:progressDocx': async (ctx, input) => {
    const model = buildProgressModel(ctx, input);
    const bytes = await renderProgressDocx(model, ctx.now());
    const title = progressTitle(model);
    return {
      fileName: safeFileName(`${model.area.name} ${title.replace(/\//g, '-')}`, 'docx'),
      mimeType: DOCX_MIME,
      base64: bytes.toString('base64'),
      summary: {
        planId: model.plan.id,
        title,
        milestonesTotal: model.milestones.total,
        milestoneSentences: milestoneSentences(model.milestones.counts),
        periodLabel: model.period.label,
        knownPeriods: model.knownPeriods,
      },
    };
  },
};
