/** PDF and Word files made from the fixture letters, laid out as the published ones are. */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { TestWorkbook } from '../helpers/temp-workbook';
import { pdfLines } from './letters-fixtures';

/** Sends a file through file:uploadBegin/Chunk, as the page does; returns the upload id. */
export async function upload(t: TestWorkbook, name: string, bytes: Uint8Array): Promise<string> {
  const { uploadId, chunkBytes } = await t.api.call('file:uploadBegin', { fileName: name, size: bytes.length });
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += chunkBytes) {
    await t.api.call('file:uploadChunk', { uploadId, seq, base64: Buffer.from(bytes.subarray(at, at + chunkBytes)).toString('base64') });
  }
  return uploadId;
}

/** A PDF with wrapped lines, a running header and "Page n of m" footers on every page. */
export async function letterPdf(text: string, header: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const pages = pdfLines(text);
  pages.forEach((lines, n) => {
    const page = pdf.addPage([595, 842]);
    page.drawText(header, { x: 50, y: 800, size: 9, font });
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 770 - i * 16, size: 10, font }));
    page.drawText(`Page ${n + 1} of ${pages.length}`, { x: 270, y: 30, size: 9, font });
  });
  return pdf.save();
}

/** A Word file, one paragraph a line; lines that begin "• " become real Word bullets (glyph not in the text). */
export async function letterDocx(text: string): Promise<Uint8Array> {
  const paragraphs = text
    .trim()
    .split('\n')
    .map((line) =>
      line.startsWith('• ') ? new Paragraph({ children: [new TextRun(line.slice(2))], bullet: { level: 0 } }) : new Paragraph({ children: [new TextRun(line)] }),
    );
  const doc = new Document({ sections: [{ children: paragraphs }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}
