/**
 * Data tables written straight as WordprocessingML. The docx library builds an object per cell,
 * paragraph and run and then walks them all; an evidence index of a few thousand rows took
 * seconds and hundreds of megabytes that way (issue #9 target: under 2 s and 400 MB). Here a
 * row is a few string joins. The XML follows the schema's element order, as docx would write it.
 */
import { escapeXml } from '../text/xml-safe';

export interface RawRun {
  text: string;
  bold?: boolean;
  /** Internal link to a bookmark. */
  link?: string;
  /** This run is the target of a bookmark with this name. */
  bookmark?: string;
  /** Text colour (hex, no '#'). */
  color?: string;
  /** Background colour (hex, no '#'). */
  fill?: string;
}

export type RawCell = string | RawRun[];

export interface RawColumn {
  header: string;
  /** Width in twentieths of a point. */
  width: number;
}


const BORDER = 'w:val="single" w:color="B1B4B6" w:sz="4"';
const BORDERS = `<w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>`;
const MARGINS = '<w:tcMar><w:top w:type="dxa" w:w="60"/><w:left w:type="dxa" w:w="100"/><w:bottom w:type="dxa" w:w="60"/><w:right w:type="dxa" w:w="100"/></w:tcMar>';

export class RawTableWriter {
  /** Bookmark ids must be unique in the document; docx numbers its own from 1. */
  private nextBookmark = 1_000_000;

  constructor(private readonly onText: (text: string) => void) {}

  private run(r: RawRun, size: number | undefined): string {
    this.onText(r.text);
    const props =
      (r.link ? '<w:rStyle w:val="Hyperlink"/>' : '') +
      (r.bold ? '<w:b/><w:bCs/>' : '') +
      (r.color ? `<w:color w:val="${r.color}"/>` : '') +
      (size ? `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>` : '') +
      (r.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${r.fill}"/>` : '');
    const run = `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`;
    if (r.link) return `<w:hyperlink w:anchor="${escapeXml(r.link)}" w:history="1">${run}</w:hyperlink>`;
    if (r.bookmark) {
      const id = this.nextBookmark++;
      return `<w:bookmarkStart w:id="${id}" w:name="${escapeXml(r.bookmark)}"/>${run}<w:bookmarkEnd w:id="${id}"/>`;
    }
    return run;
  }

  private cell(content: RawCell, width: number, size: number | undefined, header: boolean, fill?: string): string {
    const runs = typeof content === 'string' ? [{ text: content, bold: header }] : content;
    const shading = fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>` : '';
    return `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${shading}${MARGINS}</w:tcPr><w:p>${runs.map((r) => this.run(r, size)).join('')}</w:p></w:tc>`;
  }

  /** A table whose first row is a header repeated on every page the table runs onto. */
  table(columns: RawColumn[], rows: RawCell[][], options: { fontSize?: number } = {}): string {
    const total = columns.reduce((a, c) => a + c.width, 0);
    const size = options.fontSize;
    const header = `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${columns.map((c) => this.cell(c.header, c.width, size, true, 'DEE0E2')).join('')}</w:tr>`;
    const body = rows.map((r) => `<w:tr>${r.map((c, i) => this.cell(c, columns[i]!.width, size, false)).join('')}</w:tr>`).join('');
    return (
      `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>${BORDERS}<w:tblLayout w:type="fixed"/>` +
      `<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>` +
      `<w:tblGrid>${columns.map((c) => `<w:gridCol w:w="${c.width}"/>`).join('')}</w:tblGrid>${header}${body}</w:tbl>`
    );
  }
}
