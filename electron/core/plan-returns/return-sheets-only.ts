/**
 * A returned plan with only the sheets an import reads (Plan, Milestones, Updates and the hidden
 * Lists), the others emptied before exceljs parses the file: the read-only Evidence index of a
 * large plan holds tens of thousands of cells that an import never looks at (issue #9).
 * Anything unexpected about the file's layout leaves it exactly as it was.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { SHEETS } from '../exports/xlsx/sheet-spec';

const KEEP = new Set<string>([SHEETS.plan, SHEETS.milestones, SHEETS.updates, SHEETS.lists]);
const EMPTY_SHEET = strToU8(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
);

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}

/** Zip paths of the worksheets not needed, via workbook.xml and its relationships. */
function unneededSheets(workbookXml: string, relsXml: string): Set<string> | null {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target);
  }
  const drop = new Set<string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[0])?.[1];
    if (name === undefined || !rid) return null;
    const target = targets.get(rid);
    if (!target) return null;
    if (KEEP.has(unescapeXml(name))) continue;
    drop.add(target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  return drop;
}

export function returnSheetsOnly(bytes: Uint8Array): Uint8Array {
  try {
    const files = unzipSync(bytes);
    const book = files['xl/workbook.xml'];
    const rels = files['xl/_rels/workbook.xml.rels'];
    if (!book || !rels) return bytes;
    const drop = unneededSheets(strFromU8(book), strFromU8(rels));
    if (!drop || drop.size === 0) return bytes;
    const out: Zippable = {};
    for (const [name, data] of Object.entries(files)) {
      out[name] = drop.has(name) && name.startsWith('xl/worksheets/') ? EMPTY_SHEET : data;
    }
    // Stored, not compressed: the result is parsed at once and thrown away.
    return zipSync(out, { level: 0 });
  } catch {
    return bytes;
  }
}
