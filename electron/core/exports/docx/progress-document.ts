/**
 * The plan progress report (WSOA / APP / priority action plan update) as a Word document, shaped
 * like the Bristol November 2020 update that went to DfE and NHS England advisers and parents.
 */
import { Paragraph, type FileChild } from 'docx';
import { ukDate } from '../../../contract/format';
import type { ServiceContext } from '../../services/context';
import { DocWriter, markingOf } from './blocks';
import { renderDocument } from './pack';
import { buildProgressModel, type MilestoneCount, type ProgressDocxOptions, type ProgressModel, type ReportedAction, type UpcomingMilestone } from './progress-model';
import { glossary, indicatorTable } from './sef-document';

/** "33 (50%) largely achieved": only the statuses that have milestones. */
export function milestoneSentences(counts: MilestoneCount[]): string[] {
  return counts.filter((c) => c.count > 0).map((c) => `${c.count} (${c.percent}%) ${c.words}`);
}

function scopeWords(w: DocWriter, m: ProgressModel): string {
  return `due by ${m.period.label ?? w.date(m.period.asOf)}`;
}

/** The milestones the summary leaves out, so its figures reconcile with the Excel plan's. */
function otherMilestonesPart(w: DocWriter, m: ProgressModel): FileChild[] {
  const o = m.otherMilestones;
  if (!o || o.dueLater + o.undated.total === 0) return [];
  const milestonesWord = (k: number) => `${k} milestone${k === 1 ? '' : 's'}`;
  const parts = [
    o.dueLater ? `${milestonesWord(o.dueLater)} due after ${w.date(m.period.asOf)}` : '',
    o.undated.total ? `${milestonesWord(o.undated.total)} with no due date (${milestoneSentences(o.undated.counts).join(', ')})` : '',
  ].filter(Boolean);
  return [w.para(`Not counted above: ${parts.join(' and ')}. The plan has ${milestonesWord(o.all)} in all.`)];
}

function summaryPart(w: DocWriter, m: ProgressModel): FileChild[] {
  const out: FileChild[] = [w.heading('Summary of progress against the milestones', 1)];
  const plan = m.plan.typeShortName === 'Plan' ? 'The plan' : `The ${m.plan.typeName}`;
  if (m.milestones.total === 0) {
    out.push(w.para(`${plan} has no milestones ${scopeWords(w, m)}, so there is no milestone progress to report.`, { bold: true }));
    out.push(...otherMilestonesPart(w, m));
    if (m.period.label && m.knownPeriods.length) out.push(w.para(`Reporting periods that do have milestones: ${m.knownPeriods.join(', ')}.`));
    return out;
  }
  const n = m.milestones.total;
  out.push(w.para(`${plan} has ${n} milestone${n === 1 ? '' : 's'} ${scopeWords(w, m)}: ${milestoneSentences(m.milestones.counts).join(', ')}.`));
  out.push(...otherMilestonesPart(w, m));
  const rows = m.priorities.filter((p) => p.milestones.total > 0);
  if (rows.length > 1) {
    const count = (p: (typeof rows)[number], key: string) => {
      const c = p.milestones.counts.find((x) => x.key === key);
      return c && c.count ? `${c.count} (${c.percent}%)` : '0';
    };
    out.push(
      w.table(
        [
          { header: 'Priority', width: 0.3 },
          { header: 'Milestones', width: 0.1 },
          { header: 'Largely achieved', width: 0.12 },
          { header: 'Partially achieved, on track', width: 0.12 },
          { header: 'Not achieved', width: 0.12 },
          { header: 'Overdue', width: 0.12 },
          { header: 'Not yet due', width: 0.12 },
        ],
        rows.map((p) => [`${p.reference} ${p.title}`, String(p.milestones.total), count(p, 'achieved'), count(p, 'partially_achieved'), count(p, 'not_achieved'), count(p, 'overdue'), count(p, 'not_yet_due')]),
        { fontSize: 18 },
      ),
    );
  }
  return out;
}

function actionBlock(w: DocWriter, a: ReportedAction): FileChild[] {
  const out: FileChild[] = [
    w.paraOf([w.run(`${a.reference} `, { bold: true }), w.run(a.what, { bold: true })], { keepNext: true }),
    w.paraOf([
      w.run(`Status: ${a.statusLabel}; RAG:`),
      w.swatchRun(a.ragAsOf),
      w.run(
        [
          '',
          a.leadName ? `Lead: ${a.leadName}` : '',
          a.revisedDueOn
            ? `Due date revised to ${w.date(a.revisedDueOn)}${a.revisedDueReason.trim() ? ` (${a.revisedDueReason.trim().replace(/[.\s]+$/, '')})` : ''}`
            : a.dueOn
              ? `Due ${w.date(a.dueOn)}`
              : '',
        ]
          .filter((x, i) => i === 0 || x)
          .join('; '),
      ),
    ]),
  ];
  if (!a.highlights.trim() && !a.issues.trim() && !a.mitigation.trim()) {
    // An update that set only status and RAG (an imported plan's, or a quick change) is still an update.
    const words = a.reportedOn ? `The latest update (${w.date(a.reportedOn)}) recorded status and RAG only, with no commentary.` : 'No progress update has been recorded for this action yet.';
    out.push(w.para(words, { italics: true, muted: true }));
    return out;
  }
  out.push(w.para(`Highlights${a.reportedOn ? ` (update of ${w.date(a.reportedOn)})` : ''}`, { bold: true, keepNext: true }), ...w.narrative(a.highlights, new Map(), 'None reported.'));
  if (a.issues.trim()) out.push(w.para('Issues', { bold: true, keepNext: true }), ...w.narrative(a.issues));
  if (a.mitigation.trim()) out.push(w.para('Mitigation', { bold: true, keepNext: true }), ...w.narrative(a.mitigation));
  return out;
}

function prioritiesPart(w: DocWriter, m: ProgressModel): FileChild[] {
  if (m.priorities.length === 0) return [w.heading('Priorities', 1), w.para('This plan has no priorities yet.', { italics: true })];
  return m.priorities.flatMap((p) => {
    const out: FileChild[] = [w.heading(`Priority ${p.reference}: ${p.title}`, 1)];
    if (p.description.trim()) out.push(...w.narrative(p.description));
    if (p.milestones.total > 0) out.push(w.para(`Milestones ${scopeWords(w, m)}: ${p.milestones.total} \u2013 ${milestoneSentences(p.milestones.counts).join(', ')}.`));
    if (p.actionCount === 0) out.push(w.para('No actions are recorded for this priority.', { italics: true }));
    for (const g of p.groups) out.push(w.heading(g.heading, 2), ...g.actions.flatMap((a) => actionBlock(w, a)));
    return out;
  });
}

function milestoneLine(w: DocWriter, u: UpcomingMilestone): Paragraph {
  const when = [u.dueOn ? `due ${w.date(u.dueOn)}` : '', u.status].filter(Boolean).join('; ');
  return w.bullet([w.run(`${u.actionReference} `, { bold: true }), w.run(`${u.title}${when ? ` (${when})` : ''}`)]);
}

function nextStepsPart(w: DocWriter, m: ProgressModel): FileChild[] {
  const s = m.nextSteps;
  const out: FileChild[] = [w.heading('Next steps', 1)];
  out.push(w.para(s.nextReviewOn ? `The next review of the plan is on ${w.date(s.nextReviewOn)} (${m.plan.reviewCadence.toLowerCase()}).` : `The plan is reviewed ${m.plan.reviewCadence.toLowerCase()}; the next review date is not set yet.`));
  if (s.carriedForward.length) {
    out.push(w.heading('Milestones carried forward', 2), w.para(`${s.carriedForward.length} milestone${s.carriedForward.length === 1 ? ' is' : 's are'} not yet fully achieved and carry forward:`));
    out.push(...s.carriedForward.map((u) => milestoneLine(w, u)));
  }
  out.push(w.heading(s.upcomingPeriod ? `Milestones for ${s.upcomingPeriod}` : 'Milestones due next', 2));
  if (s.upcoming.length === 0) out.push(w.para('No further milestones are scheduled in this plan.', { italics: true }));
  else out.push(...s.upcoming.map((u) => milestoneLine(w, u)));
  return out;
}

export function progressTitle(m: ProgressModel): string {
  return `${m.plan.title}: progress update ${m.period.label ?? `as at ${ukDate(m.period.asOf)}`}`;
}

export async function renderProgressDocx(m: ProgressModel, at: Date): Promise<Buffer> {
  const w = new DocWriter();
  const marking = markingOf(m.area.protectiveMarking);
  const title = progressTitle(m);
  const body: FileChild[] = [
    new Paragraph({ style: 'Title', children: [w.run(m.area.name)] }),
    w.para(title, { bold: true, size: 32 }),
    w.para(`${m.plan.typeName} \u2013 ${m.plan.status}. Report as at ${w.date(m.period.asOf)}.`),
  ];
  if (m.plan.eventTitle) body.push(w.para(`This plan responds to: ${m.plan.eventTitle}.`));
  for (const v of m.verdicts) body.push(w.paraOf([w.run(`${v.eventTitle}: `, { bold: true }), w.run(`${v.sentence}.`)]));
  if (m.area.partners.length) body.push(w.para(`Partners: ${m.area.partners.join(', ')}`));
  body.push(...summaryPart(w, m), ...prioritiesPart(w, m));
  body.push(w.heading('Key indicators', 1));
  if (m.indicatorScope === 'all' && m.indicators.length > 0) body.push(w.para("This plan has no key indicators linked to it, so all of the workbook's are shown."));
  body.push(...indicatorTable(w, m.indicators));
  body.push(...nextStepsPart(w, m));
  const header = w.header(marking);
  const footer = w.footer(marking, `${m.area.name}: ${m.plan.title}`);
  body.push(...glossary(w, 'Glossary of abbreviations'));

  return renderDocument(
    w,
    {
      title: title,
      subject: `${m.area.name} ${m.plan.typeName} progress`,
      description: `${title}. ${marking}.`,
      author: m.area.author || m.area.name,
      header,
      footer,
      body,
    },
    at,
  );
}

export async function buildProgressDocx(ctx: ServiceContext, options: ProgressDocxOptions = {}): Promise<Buffer> {
  return renderProgressDocx(buildProgressModel(ctx, options), ctx.now());
}
