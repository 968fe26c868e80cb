/** CLI commands: export sef, export progress (issue #4). */
import path from 'node:path';
import { label } from '../../../contract/enums';
import { formatBytes, parseUkDate, ukDate } from '../../../contract/format';
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
  async run({ values }, io, host) {
    const out = outPath(values.out);
    const sefId = positiveId(values.sef, '--sef');
    const file = await host.withWorkbook(String(values.workbook), { readOnly: true }, (api) =>
      api.call('export:sefDocx', { sefId, publication: values.publication === true, includeDrafts: values['include-drafts'] === true }),
    );
    const sum = file.summary;
    io.out(`Wrote ${out} (${formatBytes(host.save(out, file.base64))})`);
    io.out(`"${sum.title}", as of ${ukDate(sum.asOf)}: ${sum.sectionsIncluded} of ${sum.sectionsTotal} sections, ${sum.evidenceInIndex} evidence items in the index.`);
    if (sum.draftSectionsLeftOut) io.out(`${sum.draftSectionsLeftOut} draft section(s) left out; add --include-drafts to include them.`);
    if (sum.publication) io.out(`For publication: ${sum.evidenceWithheld} evidence item(s) with personal data left out.`);
    return 0;
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
  async run({ values }, io, host) {
    const out = outPath(values.out);
    const planId = positiveId(values.plan, '--plan');
    const asOfText = values['as-of'] === undefined ? undefined : String(values['as-of']);
    const asOf = asOfText === undefined ? undefined : parseUkDate(asOfText);
    if (asOf === null) throw new CliError(`--as-of must be a date such as 30/11/2020 (you gave "${asOfText}").`, 2);
    return host.withWorkbook(String(values.workbook), { readOnly: true }, async (api) => {
      const file = await api.call('export:progressDocx', { planId, periodLabel: values.period === undefined ? undefined : String(values.period), asOf });
      const sum = file.summary;
      io.out(`Wrote ${out} (${formatBytes(host.save(out, file.base64))})`);
      io.out(`${sum.title}: ${sum.milestonesTotal} milestone(s)${sum.milestonesTotal ? ` \u2013 ${sum.milestoneSentences.join(', ')}` : ''}.`);
      if (sum.milestonesTotal === 0) {
        if (sum.periodLabel && sum.knownPeriods.length) io.out(`Periods with milestones in this plan: ${sum.knownPeriods.join(', ')}.`);
        const others = (await api.call('plan:list', { offset: 0, limit: 50 })).items.filter((p) => p.id !== sum.planId);
        if (others.length) io.out(`Other plans (choose with --plan ID): ${others.map((p) => `${p.id} ${p.title} (${label(p.status).toLowerCase()})`).join('; ')}.`);
      }
      return 0;
    });
  },
};

export const wordExportCommands: CliCommand[] = [exportSef, exportProgress];
