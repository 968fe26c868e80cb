/**
 * Turns a docx Document into the bytes of a .docx file, then completes the core properties the
 * library does not write: the language (en-GB), who last saved it, and the workbook's clock for
 * the created and modified times (so an export is reproducible in tests).
 */
import { Document, Packer, type FileChild, type Footer, type Header } from 'docx';
import { NUMBERING, PAGE, STYLES, type DocWriter } from './blocks';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { escapeXml } from '../text/xml-safe';

export function completeCoreProperties(coreXml: string, props: { language: string; lastModifiedBy: string; at: Date }): string {
  const stamp = props.at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  let xml = coreXml
    .replace(/<dc:language>[^<]*<\/dc:language>/, '')
    .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
    .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
  xml = /<cp:lastModifiedBy>/.test(xml)
    ? xml.replace(/<cp:lastModifiedBy>[^<]*<\/cp:lastModifiedBy>/, `<cp:lastModifiedBy>${escapeXml(props.lastModifiedBy)}</cp:lastModifiedBy>`)
    : xml;
  return xml.replace('</cp:coreProperties>', `<dc:language>${escapeXml(props.language)}</dc:language></cp:coreProperties>`);
}

/** Replaces each placeholder paragraph with its raw XML block (a table). */
export function spliceRawBlocks(documentXml: string, blocks: ReadonlyMap<string, string>): string {
  const cuts = [...blocks].map(([marker, xml]) => {
    const at = documentXml.indexOf(marker);
    if (at < 0) throw new Error(`Word export: placeholder ${marker} is missing from the document.`);
    const start = documentXml.lastIndexOf('<w:p>', at);
    const end = documentXml.indexOf('</w:p>', at) + '</w:p>'.length;
    return { start, end, xml };
  });
  cuts.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(documentXml.slice(from, c.start), c.xml);
    from = c.end;
  }
  out.push(documentXml.slice(from));
  return out.join('');
}

export async function packDocx(doc: Document, props: { lastModifiedBy: string; at: Date; rawBlocks?: ReadonlyMap<string, string> }): Promise<Buffer> {
  const bytes = await Packer.toBuffer(doc);
  const files = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const body = files['word/document.xml'];
  if (body && props.rawBlocks?.size) files['word/document.xml'] = strToU8(spliceRawBlocks(strFromU8(body), props.rawBlocks));
  const core = files['docProps/core.xml'];
  if (core) files['docProps/core.xml'] = strToU8(completeCoreProperties(strFromU8(core), { language: 'en-GB', lastModifiedBy: props.lastModifiedBy, at: props.at }));
  // [Content_Types].xml first, as Word and the OPC spec expect of a package.
  const ordered: Record<string, Uint8Array> = {};
  for (const name of ['[Content_Types].xml', ...Object.keys(files).filter((n) => n !== '[Content_Types].xml')]) {
    if (files[name]) ordered[name] = files[name];
  }
  return Buffer.from(zipSync(ordered, { level: 6 }));
}

export interface DocumentParts {
  title: string;
  subject: string;
  description: string;
  /** Creator and last-modified-by: the workbook's author, or the area when none is set. */
  author: string;
  header: Header;
  footer: Footer;
  body: FileChild[];
  /** Ask Word to refresh fields (the table of contents) when the file opens. */
  updateFields?: boolean;
}

/** The one A4 section, styles, numbering and properties every export shares, packed to bytes. */
export function renderDocument(w: DocWriter, parts: DocumentParts, at: Date): Promise<Buffer> {
  const margin = PAGE.margin;
  const doc = new Document({
    title: w.text(parts.title),
    subject: w.text(parts.subject),
    creator: w.text(parts.author),
    description: w.text(parts.description),
    lastModifiedBy: w.text(parts.author),
    ...(parts.updateFields ? { features: { updateFields: true } } : {}),
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: margin, bottom: margin, left: margin, right: margin } } },
        headers: { default: parts.header },
        footers: { default: parts.footer },
        children: parts.body,
      },
    ],
  });
  return packDocx(doc, { lastModifiedBy: parts.author, at, rawBlocks: w.rawBlocks });
}
