/**
 * Generated documents stored as evidence files (the generator's files flag). Word documents and
 * CSV data extracts with SEND prose, attached through the files feature's 'file:attach' channel
 * when that feature is present; otherwise the generator says so and carries on without files.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Dispatch } from '../api/dispatch';
import { handlers } from '../api/handlers';
import type { Random } from './random';
import { paragraphs } from './text';
import { EVIDENCE_TITLE_STEMS, KPI_STEMS } from './vocabulary';

export interface FilesOutcome {
  attached: number;
  /** Why files were skipped or fell short, in words; null when all went in. */
  note: string | null;
}

async function wordDocument(rng: Random, title: string): Promise<Buffer> {
  const doc = new Document({
    creator: 'Wexcombe SEND Partnership',
    title,
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'OFFICIAL-SENSITIVE', bold: true })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
          ...paragraphs(rng, 4, 12)
            .split('\n\n')
            .map((p) => new Paragraph({ children: [new TextRun(p)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function csvExtract(rng: Random): Buffer {
  const rows = ['Indicator,Period,Local,England'];
  for (let i = 0; i < rng.int(20, 200); i++) {
    rows.push(`"${rng.pick(KPI_STEMS)}",Q${rng.int(1, 4)} ${rng.int(2017, 2026)},${(rng.float() * 100).toFixed(1)},${(rng.float() * 100).toFixed(1)}`);
  }
  return Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8');
}

export async function attachGeneratedFiles(dispatch: Dispatch, rng: Random, count: number, evidenceCount: number): Promise<FilesOutcome> {
  if (!Object.prototype.hasOwnProperty.call(handlers, 'file:attach')) {
    return { attached: 0, note: 'Files skipped: evidence file storage (the file:attach channel) is not in this build yet.' };
  }
  let attached = 0;
  let firstError: string | null = null;
  for (let i = 0; i < count; i++) {
    const evidenceId = 1 + Math.floor((i * evidenceCount) / count);
    const word = i % 3 !== 2;
    const title = `${rng.pick(EVIDENCE_TITLE_STEMS)} ${2017 + (i % 10)}`;
    const bytes = word ? await wordDocument(rng, title) : csvExtract(rng);
    const fileName = `${title.replace(/[^\w\- ]/g, '')}.${word ? 'docx' : 'csv'}`;
    const r = await dispatch('file:attach', { evidenceId, fileName, base64: bytes.toString('base64') });
    if (r.ok) attached++;
    else firstError ??= r.error.message;
  }
  return { attached, note: attached < count ? `${count - attached} generated file(s) were not stored (some evidence is in the bin): ${firstError}` : null };
}
