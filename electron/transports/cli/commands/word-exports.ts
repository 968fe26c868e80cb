/** CLI commands: export sef, export progress (issue #4). */
import path from 'node:path';
import { label } from '../../../contract/enums';
import { parseUkDate } from '../../../contract/format';
import { buildProgressModel } from '../../../core/exports/docx/progress-model';
import { milestoneSentences, progressTitle, renderProgressDocx } from '../../../core/exports/docx/progress-document';
import { buildSefModel } from '../../../core/exports/docx/sef-model';
import { renderSefDocx } from '../../../core/exports/docx/sef-document';
import { writeFileAtomically } from '../../../core/exports/write-file-atomically';
import { planService } from '../../../core/services/plan-service';
import { withWorkbook } from '../with-workbook';
import { CliError, type CliCommand, type CliValues } from '../command';

function positiveId(value: CliValues[string], what: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new CliError(`${what} must be a whole number such as 3 (you gave "${String(value)}").`, 2);
  return n;
}

function outPath(value: CliValues[string]): string {
  const out = path.resolve(String(value));
  if (!out.toLowerCase().endsWith('.docx')) throw new CliError(`--out must name a .docx file (you gave "${String(value)}").`, 2);
  return out;
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const exportSef: CliCommand = {
  name: 'export sef',
  summary: 'Write the self-evaluation as a Word document',
  usage: 'workbook export sef --workbook FILE --out X.docx [--sef ID] [--publication] [--include-drafts]',
  options: {
    workbook: { type: 'string' },
    out: { type: 'string' },
    sef: { type: 'string' },
    publication: { type: 'boolean' },
    'include-drafts': { type: 'boolean' },
  },
  required: ['workbook', 'out'],
  async run({ values }, io) {
    const out = outPath(values.out);
    const sefId = positiveId(values.sef, '--sef');
    return withWorkbook(String(values.workbook), { readOnly: true }, async (ctx) => {
      const model = buildSefModel(ctx, { sefId, publication: values.publication === true, includeDrafts: values['include-drafts'] === true });
      const bytes = await renderSefDocx(model, ctx.now());
      writeFileAtomically(out, bytes);
      const included = model.sections.filter((s) => !s.withheld).length;
      io.out(`Wrote ${out} (${size(bytes.length)})`);
      io.out(`"${model.sef.title}", as of ${model.sef.asOf.split('-').reverse().join('/')}: ${included} of ${model.sections.length} sections, ${model.evidence.length} evidence items in the index.`);
      if (model.draftSectionsLeftOut) io.out(`${model.draftSectionsLeftOut} draft section(s) left out; add --include-drafts to include them.`);
      if (model.options.publication) io.out(`For publication: ${model.evidenceWithheld} evidence item(s) with personal data left out.`);
      return 0;
    });
  },
};

const exportProgress: CliCommand = {
  name: 'export progress',
  summary: 'Write a plan progress report (milestones, actions, indicators) as a Word document',
  usage: 'workbook export progress --workbook FILE --out X.docx [--plan ID] [--period LABEL] [--as-of DD/MM/YYYY]',
  options: {
    workbook: { type: 'string' },
    out: { type: 'string' },
    plan: { type: 'string' },
    period: { type: 'string' },
    'as-of': { type: 'string' },
  },
  required: ['workbook', 'out'],
  async run({ values }, io) {
    const out = outPath(values.out);
    const planId = positiveId(values.plan, '--plan');
    const asOfText = values['as-of'] === undefined ? undefined : String(values['as-of']);
    const asOf = asOfText === undefined ? undefined : parseUkDate(asOfText);
    if (asOf === null) throw new CliError(`--as-of must be a date such as 30/11/2020 (you gave "${asOfText}").`, 2);
    return withWorkbook(String(values.workbook), { readOnly: true }, async (ctx) => {
      const model = buildProgressModel(ctx, { planId, periodLabel: values.period === undefined ? undefined : String(values.period), asOf });
      const bytes = await renderProgressDocx(model, ctx.now());
      writeFileAtomically(out, bytes);
      io.out(`Wrote ${out} (${size(bytes.length)})`);
      io.out(`${progressTitle(model)}: ${model.milestones.total} milestone(s)${model.milestones.total ? ` \u2013 ${milestoneSentences(model.milestones.counts).join(', ')}` : ''}.`);
      if (model.milestones.total === 0) {
        if (model.period.label && model.knownPeriods.length) io.out(`Periods with milestones in this plan: ${model.knownPeriods.join(', ')}.`);
        const others = planService.list(ctx, { offset: 0, limit: 50 }).items.filter((p) => p.id !== model.plan.id);
        if (others.length) io.out(`Other plans (choose with --plan ID): ${others.map((p) => `${p.id} ${p.title} (${label(p.status).toLowerCase()})`).join('; ')}.`);
      }
      return 0;
    });
  },
};

export const wordExportCommands: CliCommand[] = [exportSef, exportProgress];
