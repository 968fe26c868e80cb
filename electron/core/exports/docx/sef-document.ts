/**
 * The self-evaluation as a Word document a partnership would sign (issue #4): cover with sign-off,
 * contents, executive summary, context indicators, one section per framework criterion, progress
 * against previous findings, evidence index and glossary.
 */
import { PageBreak, Paragraph, TableOfContents, type FileChild } from 'docx';
import { label } from '../../../contract/enums';
import type { ServiceContext } from '../../services/context';
import { DocWriter, markingOf } from './blocks';
import { renderDocument } from './pack';
import { buildSefModel, type SectionModel, type SefDocxOptions, type SefModel } from './sef-model';
import type { ActionSummary, IndicatorRow } from './shared-model';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export function indicatorTable(w: DocWriter, rows: IndicatorRow[]): FileChild[] {
  if (rows.length === 0) return [w.para('No key indicators are recorded in this workbook yet.', { italics: true })];
  return [
    w.table(
      [
        { header: 'Indicator', width: 0.18 },
        { header: 'Latest (local)', width: 0.1 },
        { header: 'Period', width: 0.11 },
        { header: 'Target', width: 0.09 },
        { header: 'England', width: 0.11 },
        { header: 'Region', width: 0.09 },
        { header: 'Statistical neighbours', width: 0.14 },
        { header: 'Where we stand', width: 0.18 },
      ],
      rows.map((r) => [
        r.code ? `${r.code} ${r.title}` : r.title,
        r.latest,
        r.period,
        r.target,
        r.england,
        r.region,
        r.statisticalNeighbours,
        r.sentence,
      ]),
      { fontSize: 18 },
    ),
  ];
}

export function actionLine(w: DocWriter, a: ActionSummary): Paragraph {
  return w.bullet([w.run(`${a.reference} `, { bold: true }), w.run(`${a.what} \u2013 ${a.statusLabel}; RAG: `), w.swatchRun(a.rag)]);
}

function cover(w: DocWriter, m: SefModel): FileChild[] {
  const out: FileChild[] = [
    new Paragraph({ style: 'Title', spacing: { before: 1_600 }, children: [w.run(m.area.name)] }),
    w.para('Local area partnership for special educational needs and disabilities (SEND)', { size: 28 }),
    new Paragraph({ spacing: { before: 480 }, children: [w.run(m.sef.title, { bold: true, size: 36 })] }),
    w.para(`Self-evaluation as of ${w.date(m.sef.asOf)}`, { size: 28 }),
    w.para(`Status: ${label(m.sef.status)}`, { size: 28 }),
    w.para(`Framework: ${m.framework.name}`),
    w.para(`${capitalise(m.framework.judgement)} scale: ${m.scaleName}`),
  ];
  if (m.area.partners.length) out.push(w.para(`Partners: ${m.area.partners.join(', ')}`));
  if (m.options.publication) {
    out.push(
      w.para(
        `Prepared for publication: ${m.evidenceWithheld === 1 ? '1 evidence item that contains' : `${m.evidenceWithheld} evidence items that contain`} personal data ${m.evidenceWithheld === 1 ? 'is' : 'are'} left out.`,
        { bold: true },
      ),
    );
  }
  if (m.draftSectionsLeftOut > 0) {
    out.push(w.para(`${m.draftSectionsLeftOut} section${m.draftSectionsLeftOut === 1 ? ' is' : 's are'} still in draft and ${m.draftSectionsLeftOut === 1 ? 'is' : 'are'} not included in this version.`, { italics: true }));
  }
  out.push(new Paragraph({ spacing: { before: 480 }, children: [w.run('Sign-off', { bold: true, size: 28 })] }));
  const rows = m.signoffs.length
    ? m.signoffs.map((s) => [s.partner, s.name, w.date(s.signedOn)])
    : (m.area.partners.length ? m.area.partners : ['', '', '']).map((p) => [p, '', '']);
  out.push(w.table([{ header: 'Partner', width: 0.4 }, { header: 'Name', width: 0.35 }, { header: 'Date signed', width: 0.25 }], rows));
  return out;
}

function summary(w: DocWriter, m: SefModel, anchors: ReadonlyMap<string, string>): FileChild[] {
  const part = (title: string, items: SefModel['summary']['strengths'], none: string): FileChild[] => [
    w.heading(title, 2),
    ...(items.length === 0
      ? [w.para(none, { italics: true, muted: true })]
      : items.flatMap((i) => [w.para(i.heading, { bold: true, keepNext: true }), ...w.narrative(i.text, anchors)])),
  ];
  return [
    w.heading('Executive summary', 1),
    ...part('Strengths', m.summary.strengths, 'No strengths are written in the sections yet.'),
    ...part('Areas for development', m.summary.areasForDevelopment, 'No areas for development are written in the sections yet.'),
    ...part('Priorities for the next 12 months', m.summary.priorities, 'No priorities (What next) are written in the sections yet.'),
  ];
}

function section(w: DocWriter, m: SefModel, s: SectionModel, n: number, anchors: ReadonlyMap<string, string>): FileChild[] {
  const out: FileChild[] = [w.heading(`${n}. ${s.heading}`, 2)];
  if (s.description) out.push(w.para(s.description, { italics: true, muted: true }));
  if (s.withheld) {
    out.push(w.para('This section is still in draft, so it is not included in this version.', { italics: true }));
    return out;
  }
  if (s.isDraft) out.push(w.para('Draft: this section has not been agreed yet.', { bold: true }));
  out.push(
    w.facts([
      [`Our ${m.framework.judgement}`, s.judgement ? { swatch: s.judgement } : `No ${m.framework.judgement} recorded yet`],
      ['Confidence', s.confidence || 'Not recorded'],
    ]),
  );
  out.push(w.heading('What we know', 3), ...w.narrative(s.whatWeKnow, anchors));
  out.push(w.heading('What we have done', 3), ...w.narrative(s.whatWeHaveDone, anchors));
  out.push(w.heading('Impact', 3), ...w.narrative(s.impact, anchors));
  if (s.evidence.length) {
    out.push(w.para('Evidence', { bold: true, keepNext: true }));
    out.push(...s.evidence.map((e) => w.bullet(w.evidenceLink(e.reference, e.anchor, ` ${e.title}`))));
  }
  out.push(w.heading('What next', 3), ...w.narrative(s.whatNext, anchors));
  if (s.actions.length) {
    out.push(w.para('Action plan references', { bold: true, keepNext: true }));
    out.push(...s.actions.map((a) => actionLine(w, a)));
  }
  return out;
}

function findingsPart(w: DocWriter, m: SefModel, anchors: ReadonlyMap<string, string>): FileChild[] {
  const out: FileChild[] = [w.heading('Progress against previous findings', 1)];
  if (!m.findings) {
    out.push(w.para('No inspection findings are recorded in this workbook yet.', { italics: true }));
    return out;
  }
  out.push(w.para(`The findings of ${m.findings.eventTitle}, with the latest formal assessment, our own current view and the actions that answer each one.`));
  for (const v of m.findings.verdicts) out.push(w.paraOf([w.run(`${v.eventTitle}: `, { bold: true }), w.run(`${v.sentence}.`)]));
  for (const f of m.findings.items) {
    out.push(w.heading(f.reference ? `${f.reference} ${f.title}` : f.title, 2));
    const formal = f.formal
      ? [w.paraOf([w.run(f.formal.result, { bold: true }), w.run(` (${[f.formal.by, w.date(f.formal.on)].filter(Boolean).join(', ')})`)]), ...(f.formal.commentary ? w.narrative(f.formal.commentary, anchors) : [])]
      : 'Not formally assessed since the inspection';
    const own = f.ownView
      ? [w.paraOf([w.run(f.ownView.result, { bold: true }), w.run(` (${w.date(f.ownView.on)})`)]), ...(f.ownView.commentary ? w.narrative(f.ownView.commentary, anchors) : [])]
      : 'No self-assessment recorded yet';
    const actions = f.actions.length ? f.actions.map((a) => actionLine(w, a)) : 'No actions are linked to this finding';
    out.push(
      w.facts([
        ['Type', f.type],
        ['Latest formal assessment', formal],
        ['Our current view', own],
        ['Actions that answer it', actions],
      ]),
    );
  }
  return out;
}

function evidenceIndex(w: DocWriter, m: SefModel): FileChild[] {
  const out: FileChild[] = [w.heading('Appendix A: Evidence index', 1)];
  if (m.options.publication) {
    out.push(
      w.para(
        m.evidenceWithheld === 0
          ? 'Prepared for publication: no evidence item cited here is flagged as containing personal data, so none is left out.'
          : `Prepared for publication: ${m.evidenceWithheld} evidence item${m.evidenceWithheld === 1 ? '' : 's'} containing personal data ${m.evidenceWithheld === 1 ? 'is' : 'are'} left out of this index (${m.withheldReferences.join(', ')}).`,
        { bold: true },
      ),
    );
  }
  if (m.evidence.length === 0) {
    out.push(w.para('No evidence is cited in the sections included in this document.', { italics: true }));
    return out;
  }
  out.push(
    w.table(
      [
        { header: 'Reference', width: 0.13 },
        { header: 'Title', width: 0.25 },
        { header: 'Kind', width: 0.13 },
        { header: 'Level', width: 0.09 },
        { header: 'Effective', width: 0.13 },
        { header: 'Owner', width: 0.12 },
        { header: 'Cited in', width: 0.15 },
      ],
      m.evidence.map((e) => [[{ text: e.reference, bold: true, bookmark: e.anchor }], e.title, e.kind, e.level, e.effective, e.owner, e.citedIn.join('; ')]),
      { fontSize: 18 },
    ),
  );
  return out;
}

export function glossary(w: DocWriter, heading: string): FileChild[] {
  const used = w.abbreviations.used();
  return [
    w.heading(heading, 1),
    ...(used.length === 0
      ? [w.para('This document uses no abbreviations that need explaining.', { italics: true })]
      : [w.table([{ header: 'Abbreviation', width: 0.2 }, { header: 'Meaning', width: 0.8 }], used.map((u) => [u.abbreviation, u.meaning]))]),
  ];
}

export async function renderSefDocx(m: SefModel, at: Date): Promise<Buffer> {
  const w = new DocWriter();
  const marking = markingOf(m.area.protectiveMarking);
  const anchors = new Map(m.evidence.map((e) => [e.reference, e.anchor]));
  const shown = m.sections;

  const body: FileChild[] = [
    ...cover(w, m),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: { before: 240, after: 240 }, children: [w.run('Contents', { bold: true, size: 36 })] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ children: [new PageBreak()] }),
    ...summary(w, m, anchors),
    w.heading('Context: key indicators', 1),
    w.para('The latest local value of each key indicator, with its target and comparators; a comparator published for an earlier period shows that period in brackets.'),
    ...indicatorTable(w, m.indicators),
    w.heading(`Our self-evaluation`, 1),
    w.para(`One section per ${m.framework.shortName} criterion, in the framework's order. Each gives our ${m.framework.judgement} on the scale "${m.scaleName}" and how confident we are in it.`),
  ];
  if (shown.length === 0) {
    body.push(w.para('This self-evaluation has no sections yet. Add a section for each criterion in the workbook, then export again.', { bold: true }));
  }
  shown.forEach((s, i) => body.push(...section(w, m, s, i + 1, anchors)));
  body.push(...findingsPart(w, m, anchors), ...evidenceIndex(w, m));
  // Header and footer text counts for the glossary too, so they are written before it.
  const header = w.header(marking);
  const footer = w.footer(marking, `${m.area.name}: ${m.sef.title}`);
  body.push(...glossary(w, 'Appendix B: Glossary of abbreviations'));

  return renderDocument(
    w,
    {
      title: m.sef.title,
      subject: `${m.area.name} SEND self-evaluation`,
      description: `Self-evaluation as of ${w.date(m.sef.asOf)}. ${marking}.`,
      author: m.area.author || m.area.name,
      header,
      footer,
      body,
      // The contents field is filled in from the headings; Word is asked to refresh its page numbers.
      updateFields: true,
    },
    at,
  );
}

export async function buildSefDocx(ctx: ServiceContext, options: SefDocxOptions = {}): Promise<Buffer> {
  return renderSefDocx(buildSefModel(ctx, options), ctx.now());
}
