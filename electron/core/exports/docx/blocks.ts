/**
 * Building blocks shared by the Word exports. Every piece of text goes through `DocWriter.text`,
 * which removes XML-invalid characters (issue #4, bad input) and notes abbreviations for the
 * glossary. Colour is only ever an extra: each RAG or judgement is written as words too.
 */
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type INumberingOptions,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import { randomBytes } from 'node:crypto';
import { ukDate } from '../../../contract/format';
import { xmlSafe } from '../text/xml-safe';
import { AbbreviationFinder } from './glossary';
import { RawTableWriter, type RawCell } from './raw-table';
import type { Swatch } from './shared-model';

/** A4 with 2 cm margins; widths in twentieths of a point. */
export const PAGE = { width: 11_906, height: 16_838, margin: 1_134 } as const;
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const FONT = 'Arial';
const TEXT_COLOUR = '0B0C0C';
const HEADING_COLOUR = '0B0C0C';
const MUTED = '505A5F';

export const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: 22, color: TEXT_COLOUR, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120, line: 276 } } },
    title: { run: { font: FONT, size: 48, bold: true, color: HEADING_COLOUR }, paragraph: { spacing: { after: 240 } } },
    heading1: { run: { font: FONT, size: 36, bold: true, color: HEADING_COLOUR }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
    heading2: { run: { font: FONT, size: 28, bold: true, color: HEADING_COLOUR }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
    heading3: { run: { font: FONT, size: 24, bold: true, color: HEADING_COLOUR }, paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
    hyperlink: { run: { color: '1D70B8', underline: {} } },
  },
};

export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: 'bullets',
      levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 283 } } } }],
    },
  ],
};

const EVIDENCE_REFERENCE = /(\bE-\d{3,}\b)/;
const BULLET_LINE = /^\s*[-*\u2022\u2013]\s+/;

/** Black or white, whichever reads better on `fill` (WCAG contrast). */
export function textOn(fill: string): string {
  const channel = (i: number) => {
    const c = parseInt(fill.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return (1.05 / (l + 0.05)) >= ((l + 0.05) / 0.05) ? 'FFFFFF' : '0B0C0C';
}

export interface Column {
  header: string;
  /** Share of the text width, 0–1. */
  width: number;
}

export type CellContent = string | Paragraph[] | { swatch: Swatch };

export class DocWriter {
  readonly abbreviations = new AbbreviationFinder();
  /** Placeholder text → the raw XML that replaces its paragraph. */
  readonly rawBlocks = new Map<string, string>();
  // Random per document, so no text an officer typed can look like a placeholder.
  private readonly nonce = randomBytes(8).toString('hex');
  private readonly rawTables = new RawTableWriter((t) => this.abbreviations.scan(t));

  /** Every string bound for the document passes here. */
  text(value: string): string {
    const clean = xmlSafe(value);
    this.abbreviations.scan(clean);
    return clean;
  }

  run(value: string, options: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}): TextRun {
    return new TextRun({ text: this.text(value), ...options });
  }

  para(value: string, options: { bold?: boolean; italics?: boolean; muted?: boolean; align?: 'center' | 'right'; size?: number; keepNext?: boolean } = {}): Paragraph {
    return new Paragraph({
      alignment: options.align === 'center' ? AlignmentType.CENTER : options.align === 'right' ? AlignmentType.RIGHT : undefined,
      keepNext: options.keepNext,
      children: [this.run(value, { bold: options.bold, italics: options.italics, color: options.muted ? MUTED : undefined, size: options.size })],
    });
  }

  paraOf(children: ParagraphChild[], options: { keepNext?: boolean } = {}): Paragraph {
    return new Paragraph({ children, keepNext: options.keepNext });
  }

  heading(value: string, level: 1 | 2 | 3): Paragraph {
    const heading = level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
    return new Paragraph({ heading, children: [this.run(value)] });
  }

  bullet(children: ParagraphChild[] | string): Paragraph {
    return new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: typeof children === 'string' ? [this.run(children)] : children });
  }

  /** "E-012" as a link to its entry in the evidence index. */
  evidenceLink(reference: string, anchor: string | null | undefined, suffix = ''): ParagraphChild[] {
    const ref = anchor ? new InternalHyperlink({ anchor, children: [new TextRun({ text: this.text(reference), style: 'Hyperlink' })] }) : this.run(reference);
    return suffix ? [ref, this.run(suffix)] : [ref];
  }

  /** Text with its evidence references turned into links when they are in the index. */
  linked(value: string, anchors: ReadonlyMap<string, string>): ParagraphChild[] {
    if (anchors.size === 0 || !EVIDENCE_REFERENCE.test(value)) return [this.run(value)];
    return value
      .split(EVIDENCE_REFERENCE)
      .filter((part) => part !== '')
      .flatMap((part) => (anchors.has(part) ? this.evidenceLink(part, anchors.get(part)) : [this.run(part)]));
  }

  /**
   * An officer's narrative: one paragraph per line, "- " or "• " lines as bullets, blank lines
   * dropped (they are spacing, not content), evidence references linked.
   */
  narrative(value: string, anchors: ReadonlyMap<string, string> = new Map(), empty = 'Not written yet.'): Paragraph[] {
    const lines = value.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    if (lines.length === 0) return [this.para(empty, { italics: true, muted: true })];
    return lines.map((line) => {
      const bullet = BULLET_LINE.exec(line);
      const children = this.linked(bullet ? line.slice(bullet[0].length) : line, anchors);
      return bullet ? this.bullet(children) : new Paragraph({ children });
    });
  }

  /** A word with its colour as background (the word is what counts: colour is an extra). */
  swatchRun(swatch: Swatch, options: { bold?: boolean } = {}): TextRun {
    return new TextRun({
      text: this.text(` ${swatch.text} `),
      bold: options.bold ?? true,
      ...(swatch.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: swatch.fill }, color: textOn(swatch.fill) } : {}),
    });
  }

  private cell(content: CellContent, width: number): TableCell {
    const swatch = typeof content === 'object' && !Array.isArray(content) ? content.swatch : null;
    const children = Array.isArray(content)
      ? content
      : swatch
        ? [new Paragraph({ children: [this.run(swatch.text, { bold: true, color: swatch.fill ? textOn(swatch.fill) : undefined })] })]
        : [new Paragraph({ children: [this.run(content as string)] })];
    const fill = swatch?.fill;
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
      children: children.length ? children : [new Paragraph('')],
    });
  }

  /**
   * A data table whose header row repeats on every page it runs onto. Written as raw XML (see
   * raw-table.ts) behind a placeholder paragraph that packDocx swaps for it.
   */
  table(columns: Column[], rows: RawCell[][], options: { fontSize?: number } = {}): Paragraph {
    const marker = `EWB-RAW-${this.nonce}-${this.rawBlocks.size}`;
    const widths = columns.map((c) => Math.round(c.width * TEXT_WIDTH));
    this.rawBlocks.set(marker, this.rawTables.table(columns.map((c, i) => ({ header: c.header, width: widths[i]! })), rows, options));
    return new Paragraph({ children: [new TextRun(marker)] });
  }

  /** Two columns of label and value, for facts about one thing (no header row). */
  facts(rows: [string, CellContent][]): Table {
    const widths = [Math.round(0.3 * TEXT_WIDTH), TEXT_WIDTH - Math.round(0.3 * TEXT_WIDTH)];
    const border = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' };
    return new Table({
      layout: TableLayoutType.FIXED,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: rows.map(
        ([name, value]) =>
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                width: { size: widths[0]!, type: WidthType.DXA },
                margins: { top: 60, bottom: 60, left: 100, right: 100 },
                shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F2F1' },
                children: [new Paragraph({ children: [this.run(name, { bold: true })] })],
              }),
              this.cell(value, widths[1]!),
            ],
          }),
      ),
    });
  }

  date(iso: string | null | undefined): string {
    return ukDate(iso);
  }

  /** The protective marking at the top of every page. */
  header(marking: string): Header {
    return new Header({ children: [this.para(marking, { bold: true, align: 'center' })] });
  }

  /** "Page X of Y" (Word's PAGE and NUMPAGES fields) and the marking again at the foot. */
  footer(marking: string, left: string): Footer {
    return new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: this.text(`${left}  \u2022  `), size: 18, color: MUTED }), new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18, color: MUTED })],
        }),
        this.para(marking, { bold: true, align: 'center' }),
      ],
    });
  }
}

/** The marking a document carries: the area's, or OFFICIAL when none is set. */
export function markingOf(marking: string): string {
  return marking.trim() || 'OFFICIAL';
}
