/** Text from Word, Excel, PowerPoint and OpenDocument files (zips of XML), read defensively. */
import type { ByteSource } from '../byte-source';
import { findEntry, listZipEntries, readZipEntry, type ZipEntry } from '../zip-reader';
import { decodeEntities, officeXmlText, xmlToText } from './markup-text';

const decoder = new TextDecoder('utf-8');

function part(source: ByteSource, entry: ZipEntry): string {
  return decoder.decode(readZipEntry(source, entry));
}

/** Entries like ppt/slides/slide12.xml in their natural order (slide 2 before slide 10). */
function numbered(entries: ZipEntry[], pattern: RegExp): ZipEntry[] {
  return entries
    .map((e) => ({ e, m: pattern.exec(e.name) }))
    .filter((x): x is { e: ZipEntry; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((x) => x.e);
}

export function docxText(source: ByteSource): string {
  const entries = listZipEntries(source);
  const main = findEntry(entries, 'word/document.xml');
  if (!main) throw new Error('The Word document has no main text part: it may be damaged.');
  const extras = entries.filter((e) => /^word\/(header|footer)\d*\.xml$|^word\/(footnotes|endnotes|comments)\.xml$/.test(e.name));
  return [main, ...extras].map((e) => officeXmlText(part(source, e), 'w:t', 'w:p')).join('\n');
}

export function pptxText(source: ByteSource): string {
  const entries = listZipEntries(source);
  const slides = numbered(entries, /^ppt\/slides\/slide(\d+)\.xml$/);
  if (slides.length === 0 && !findEntry(entries, 'ppt/presentation.xml')) throw new Error('The presentation has no slides part: it may be damaged.');
  const notes = numbered(entries, /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/);
  return [...slides, ...notes].map((e) => officeXmlText(part(source, e), 'a:t', 'a:p')).join('\n');
}

function sharedStrings(source: ByteSource, entries: ZipEntry[]): string[] {
  const entry = findEntry(entries, 'xl/sharedStrings.xml');
  if (!entry) return [];
  const xml = part(source, entry);
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => decodeEntities(t[1]!)).join(''));
}

export function xlsxText(source: ByteSource): string {
  const entries = listZipEntries(source);
  const sheets = numbered(entries, /^xl\/worksheets\/sheet(\d+)\.xml$/);
  if (sheets.length === 0) throw new Error('The Excel workbook has no sheets: it may be damaged.');
  const strings = sharedStrings(source, entries);
  const names = (() => {
    const wb = findEntry(entries, 'xl/workbook.xml');
    return wb ? [...part(source, wb).matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => decodeEntities(m[1]!)) : [];
  })();
  const out: string[] = [];
  sheets.forEach((sheet, i) => {
    if (names[i]) out.push(names[i]!);
    const xml = part(source, sheet);
    for (const row of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: string[] = [];
      for (const c of row[1]!.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = c[1] ?? '';
        const body = c[2] ?? '';
        const type = /\bt="([^"]*)"/.exec(attrs)?.[1];
        if (type === 'inlineStr') {
          cells.push([...body.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((t) => decodeEntities(t[1]!)).join(''));
          continue;
        }
        const value = /<v>([^<]*)<\/v>/.exec(body)?.[1];
        if (value === undefined) continue;
        cells.push(type === 's' ? (strings[Number(value)] ?? '') : decodeEntities(value));
      }
      if (cells.length) out.push(cells.join('\t'));
    }
  });
  return out.join('\n');
}

export function odfText(source: ByteSource): string {
  const entries = listZipEntries(source);
  const content = findEntry(entries, 'content.xml');
  if (!content) throw new Error('The document has no content part: it may be damaged.');
  return xmlToText(part(source, content));
}
