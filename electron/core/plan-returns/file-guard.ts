/**
 * Checks a returned file before exceljs sees it: size, what kind of file it really is, and how
 * far it expands when unzipped (a zip bomb is refused after reading only its first few MB of
 * output, never held in memory). Every refusal is a sentence an officer can act on.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ServiceError } from '../services/service-error';

export const RETURN_LIMITS = {
  /** A 600-action plan exports at about 1 MB; 25 MB leaves room for pasted images. */
  fileBytes: 25 * 1024 * 1024,
  /** Total size once unzipped. */
  expandedBytes: 150 * 1024 * 1024,
  entries: 2_000,
} as const;

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

function refuse(message: string): never {
  throw new ServiceError('invalid_input', `${message} Nothing was changed.`);
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export function checkReturnFile(bytes: Uint8Array, limits: typeof RETURN_LIMITS = RETURN_LIMITS): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length === 0) refuse('The file is empty.');
  if (buf.length > limits.fileBytes) {
    refuse(`The file is ${mb(buf.length)}, larger than the ${mb(limits.fileBytes)} an action plan return can be. Remove pasted pictures or extra sheets and save it again.`);
  }
  if (buf.subarray(0, 8).equals(CFB_MAGIC)) {
    if (buf.includes(ENCRYPTED_PACKAGE)) {
      refuse('The file is password-protected, so it cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, then clear it), save, and import it again.');
    }
    refuse('The file is in the old Excel 97–2003 format (.xls). Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx), and import that.');
  }
  if (!buf.subarray(0, 4).equals(ZIP_MAGIC)) {
    refuse('The file is not an Excel workbook (.xlsx). Choose the spreadsheet the partner sent back.');
  }
  inspectZip(buf, limits);
}

/** Streams every entry through inflate, counting bytes, so declared sizes cannot lie to us. */
function inspectZip(buf: Buffer, limits: typeof RETURN_LIMITS): void {
  let entries = 0;
  let expanded = 0;
  const names = new Set<string>();
  let mimetype = '';
  // fflate reports an exception thrown in a callback back through the callback, so the first
  // reason is kept here and a sentinel stops the stream.
  let failure: string | null = null;
  const stop = (reason: string): never => {
    failure ??= reason;
    throw new Error(failure);
  };
  const damaged = 'The file is damaged and cannot be read. Ask the partner to save it again as .xlsx.';
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    entries += 1;
    if (entries > limits.entries) stop('The file holds far more parts than a spreadsheet would. It may be damaged or not a spreadsheet.');
    if (file.compression !== 0 && file.compression !== 8) stop('The file uses a kind of compression spreadsheets do not use. It may be damaged.');
    names.add(file.name);
    const isMimetype = file.name === 'mimetype';
    file.ondata = (err, chunk) => {
      if (err) stop(damaged);
      expanded += chunk.length;
      if (isMimetype && mimetype.length < 200) mimetype += Buffer.from(chunk).toString('latin1');
      if (expanded > limits.expandedBytes) {
        stop(`The file expands to more than ${mb(limits.expandedBytes)} when opened, far more than an action plan needs. It may be damaged or built to cause harm.`);
      }
    };
    file.start();
  };
  try {
    const step = 1024 * 1024;
    for (let i = 0; i < buf.length && failure === null; i += step) unzip.push(buf.subarray(i, Math.min(i + step, buf.length)), i + step >= buf.length);
  } catch {
    refuse(failure ?? damaged);
  }
  if (failure) refuse(failure);
  if (mimetype.startsWith('application/vnd.oasis.opendocument')) {
    refuse('The file is an OpenDocument spreadsheet (.ods). In LibreOffice choose File → Save As → “Excel 2007-365 (.xlsx)”, then import that file.');
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    refuse('The file is a zip archive but not an Excel workbook (.xlsx). Choose the spreadsheet the partner sent back.');
  }
}
