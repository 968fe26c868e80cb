/**
 * The one-page daily summary for the inspection team's end-of-day huddle: where we are in the
 * timeline, requests outstanding (overdue first), what was answered today, information request
 * items and tracking documents still due. The protective marking is in the header and footer.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { packDocx } from '../exports/docx/pack';
import { ukDate } from '../../contract/format';
import { stripControlCharacters } from '../../contract/fields';
import { weekLabel } from '../../contract/groups/inspection-week';
import { getArea } from '../services/area-service';
import { today, type ServiceContext } from '../services/context';
import { writeFileAtomically } from '../exports/write-file-atomically';
import { outstandingFor, type Outstanding } from './outstanding';
import { dayName } from './working-days';
import { londonDateTime, ukDateTime } from './week-context';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Rows per table that still fit one A4 page with the rest; the rest are counted, not dropped silently. */
const MAX_REQUEST_ROWS = 12;
const MAX_OTHER_ROWS = 6;

const FONT = 'Arial';
const clean = (s: string) => stripControlCharacters(s);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function text(value: string, options: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text: clean(value), font: FONT, size: options.size ?? 18, bold: options.bold });
}

function para(value: string, options: { bold?: boolean; size?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ children: [text(value, options)], spacing: { after: options.after ?? 60 } });
}

function heading(value: string): Paragraph {
  return new Paragraph({ children: [text(value, { bold: true, size: 22 })], spacing: { before: 120, after: 60 } });
}

function cell(value: string, width: number, bold = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
    children: [new Paragraph({ children: [text(value, { bold, size: 16 })] })],
  });
}

function table(headers: [string, number][], rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map(([h, w]) => cell(h, w, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, headers[i]![1])) })),
    ],
  });
}

const URGENCY_WORDS: Record<string, string> = { overdue: 'OVERDUE', due_today: 'Today', due_later: 'Later', no_due_date: 'No due date' };

function more(total: number, shown: number, what: string): Paragraph[] {
  return total > shown ? [para(`…and ${total - shown} more ${what}: see the workbook.`, { size: 16 })] : [];
}

export function dailySummaryDocument(view: Outstanding, marking: string, areaName: string, generatedAt: string): Document {
  const markingRun = (align: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ alignment: align, children: [text(marking, { bold: true, size: 18 })] });
  const c = view.counts;
  const requests = view.requests.slice(0, MAX_REQUEST_ROWS);
  const info = view.infoRequests.slice(0, MAX_OTHER_ROWS);
  const children = view.trackedChildren.slice(0, MAX_OTHER_ROWS);
  const body: (Paragraph | Table)[] = [
    para(`${areaName ? `${areaName}: ` : ''}inspection week daily summary`, { bold: true, size: 28, after: 40 }),
    para(`${dayName(view.on)} ${ukDate(view.on)} · ${view.eventTitle}`, { size: 20 }),
    para(view.position, { size: 20 }),
    para(view.next ? `Next: ${view.next.label} on ${ukDate(view.next.date)}.` : 'Nothing further on the timeline.', { size: 20 }),
    para(
      `Requests from inspectors: ${c.requestsOutstanding} outstanding (${c.requestsOverdue} overdue), ${c.answeredToday} answered today. Information request items outstanding: ${c.infoOutstanding}.`,
      { bold: true, size: 20 },
    ),
    heading('Requests outstanding'),
    requests.length === 0
      ? para('None: every request logged has been answered or withdrawn.')
      : table(
          [
            ['Ref', 8],
            ['Received', 14],
            ['From', 13],
            ['Request', 35],
            ['Due', 14],
            ['Owner', 16],
          ],
          requests.map((r) => [
            r.reference,
            ukDateTime(r.receivedAt),
            clip(r.fromWhom, 30),
            clip(r.request, 140),
            `${URGENCY_WORDS[r.urgency]}${r.dueAt ? ` ${ukDateTime(r.dueAt)}` : ''}`,
            `${r.ownerName ?? 'No owner'} (${weekLabel(r.status)})`,
          ]),
        ),
    ...more(view.requests.length, requests.length, 'requests'),
    heading('Answered today'),
    para(view.answeredToday.length === 0 ? 'None yet.' : view.answeredToday.map((r) => `${r.reference} (${r.evidence.length} evidence)`).join(', ')),
    heading('Information request items outstanding'),
    info.length === 0
      ? para('None.')
      : table(
          [
            ['Item', 60],
            ['Due', 20],
            ['Owner', 20],
          ],
          info.map((i) => [clip(i.item, 150), `${URGENCY_WORDS[i.urgency]}${i.dueOn ? ` ${ukDate(i.dueOn)}` : ''}`, i.ownerName ?? 'No owner']),
        ),
    ...more(view.infoRequests.length, info.length, 'items'),
    heading('Tracking documents still due'),
    children.length === 0
      ? para('None.')
      : table(
          [
            ['Pseudonym', 25],
            ['Documents due', 25],
            ['Consent', 25],
            ['Meeting', 25],
          ],
          children.map((ch) => [ch.pseudonym, ch.documentsDueOn ? ukDate(ch.documentsDueOn) : '', weekLabel(ch.consentStatus), ch.meetingOn ? ukDate(ch.meetingOn) : '']),
        ),
    ...more(view.trackedChildren.length, children.length, 'children'),
    para(`Produced ${ukDateTime(generatedAt)} from the evidence workbook.`, { size: 14 }),
  ];
  return new Document({
    creator: 'Evidence Workbook',
    title: `Inspection week daily summary ${ukDate(view.on)}`,
    styles: { default: { document: { run: { font: FONT } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.PORTRAIT, width: 11_906, height: 16_838 },
            margin: { top: 850, bottom: 850, left: 850, right: 850, header: 400, footer: 400 },
          },
        },
        headers: { default: new Header({ children: [markingRun(AlignmentType.CENTER)] }) },
        footers: { default: new Footer({ children: [markingRun(AlignmentType.CENTER)] }) },
        children: body,
      },
    ],
  });
}

export async function dailySummaryBytes(ctx: ServiceContext, eventId: number, on: string = today(ctx)) {
  const nowLocal = londonDateTime(ctx.now());
  const view = outstandingFor(ctx, eventId, on, nowLocal);
  const area = getArea(ctx);
  const doc = dailySummaryDocument(view, area.protectiveMarking || 'OFFICIAL-SENSITIVE', area.areaName, nowLocal);
  // Packed like the other Word exports, so it too declares its language (en-GB) for screen readers.
  const bytes = new Uint8Array(await packDocx(doc, { lastModifiedBy: area.authorName || area.areaName || 'Evidence Workbook', at: ctx.now() }));
  return { fileName: `Inspection daily summary ${on}.docx`, mimeType: DOCX_MIME, bytes };
}

export async function dailySummaryFile(ctx: ServiceContext, eventId: number, on?: string) {
  const { fileName, mimeType, bytes } = await dailySummaryBytes(ctx, eventId, on);
  return { fileName, mimeType, base64: Buffer.from(bytes).toString('base64') };
}

/** Writes the summary for the CLI (whole file or nothing). */
export async function writeDailySummary(ctx: ServiceContext, eventId: number, target: string, on?: string): Promise<void> {
  const { bytes } = await dailySummaryBytes(ctx, eventId, on);
  writeFileAtomically(target, bytes);
}
