import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSefDocx } from '../../electron/core/exports/docx/sef-document';
import { buildSefModel } from '../../electron/core/exports/docx/sef-model';
import { makeTestWorkbook } from '../helpers/temp-workbook';
import { headings, makeFixture, plainText, unzipDocx, type Fixture } from './fixture';

let f: Fixture;
let parts: Record<string, string>;
let doc: string;
let text: string;

beforeAll(async () => {
  f = await makeFixture();
  const out = await f.api.call('export:sefDocx', {});
  parts = unzipDocx(Buffer.from(out.base64, 'base64'));
  doc = parts['word/document.xml']!;
  text = plainText(doc);
});
afterAll(() => f.cleanup());

describe('self-evaluation Word export: structure', () => {
  it('is offered as a .docx named after the area and the self-evaluation', async () => {
    const out = await f.api.call('export:sefDocx', { sefId: f.sefId });
    expect(out.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(out.fileName).toBe('Bristol SEND self-evaluation 2026 2026-11-01.docx');
    expect(Buffer.from(out.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });

  it('has the parts a SEF needs, as real headings, criteria in the framework order', () => {
    const h = headings(doc);
    const level1 = h.filter(([l]) => l === 1).map(([, t]) => t);
    expect(level1).toEqual([
      'Executive summary',
      'Context: key indicators',
      'Our self-evaluation',
      'Progress against previous findings',
      'Appendix A: Evidence index',
      'Appendix B: Glossary of abbreviations',
    ]);
    const criteria = h.filter(([l, t]) => l === 2 && /^\d\. /.test(t)).map(([, t]) => t);
    expect(criteria).toEqual([
      '1. Identifying and assessing needs',
      '2. Participation in decisions',
      '3. The right help at the right time',
      '4. Next steps and outcomes',
      '5. Valued, visible and included',
      '6. Joint leadership and alternative provision',
    ]);
    // The agreed section has its four parts as level-3 headings, directly under its level-2 heading.
    const start = h.findIndex(([, t]) => t === '1. Identifying and assessing needs');
    expect(h.slice(start + 1, start + 5)).toEqual([
      [3, 'What we know'],
      [3, 'What we have done'],
      [3, 'Impact'],
      [3, 'What next'],
    ]);
    expect(h.filter(([l]) => l === 2).map(([, t]) => t)).toEqual(expect.arrayContaining(['Strengths', 'Areas for development', 'Priorities for the next 12 months', 'ASW1 Accountability of leaders', 'ASW2 Quality of EHC plans']));
  });

  it('has a real table of contents field over the headings, which Word is asked to refresh', () => {
    expect(doc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(doc).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    // Filled in already, so the contents read correctly before any update.
    expect(doc).toMatch(/<w:pStyle w:val="TOC2"\/>.*?1\. Identifying and assessing needs/s);
    expect(parts['word/settings.xml']).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
  });

  it('repeats table header rows across pages and keeps lists as Word numbering', () => {
    const tables = doc.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
    const withHeader = tables.filter((t) => t.includes('<w:tblHeader/>') || t.includes('<w:tblHeader w:val="true"/>'));
    // Sign-off, indicators, evidence index and glossary.
    expect(withHeader.length).toBeGreaterThanOrEqual(4);
    expect(parts['word/numbering.xml']).toContain('w:val="bullet"');
    expect(doc).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>.*?52\.5% within 20 weeks in 2024/s);
  });

  it('carries the protective marking in the header and "Page X of Y" in the footer', () => {
    const headerXml = Object.entries(parts).filter(([n]) => /^word\/header\d*\.xml$/.test(n)).map(([, x]) => x).join('');
    const footerXml = Object.entries(parts).filter(([n]) => /^word\/footer\d*\.xml$/.test(n)).map(([, x]) => x).join('');
    expect(plainText(headerXml)).toContain('OFFICIAL-SENSITIVE');
    expect(footerXml).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footerXml).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
    expect(plainText(footerXml)).toContain('Page ');
    expect(plainText(footerXml)).toContain(' of ');
  });

  it('sets the title, author and UK English in the properties and the styles', () => {
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>SEND self-evaluation 2026</dc:title>');
    expect(core).toContain('<dc:creator>Sam Officer</dc:creator>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(core).toContain('2026-11-22T10:00:00Z');
    expect(parts['word/styles.xml']).toMatch(/<w:docDefaults>.*<w:lang w:val="en-GB"\/>.*<\/w:docDefaults>/s);
  });

  it('shows the cover: area, partners, title, as-of date, status and the sign-off table', () => {
    expect(text).toContain('Bristol');
    expect(text).toContain('Self-evaluation as of 01/11/2026');
    expect(text).toContain('Status: Draft');
    expect(text).toContain('Partners: BNSSG Integrated Care Board, Bristol City Council, Bristol Parent Carer Forum');
    expect(text).toMatch(/BNSSG Integrated Care Board\s*\n\s*Dr Jo Chair\s*\n\s*05\/11\/2026/);
  });

  it('writes the evaluation on the scale as words (colour only as an extra), in the 2025 terminology', () => {
    expect(text).toMatch(/Our evaluation\s*\n\s*Inconsistent experiences and outcomes/);
    expect(text).not.toContain('Our judgement');
    expect(doc).toMatch(/w:fill="F47738".*?Inconsistent experiences and outcomes/s);
    expect(text).toMatch(/Confidence\s*\n\s*Medium/);
  });

  it('links every evidence reference to its entry in the evidence index', () => {
    const anchors = [...doc.matchAll(/<w:hyperlink[^>]*w:anchor="(evidence_\d+)"/g)].map((m) => m[1]!);
    const bookmarks = new Set([...doc.matchAll(/<w:bookmarkStart[^>]*w:name="(evidence_\d+)"/g)].map((m) => m[1]!));
    expect(anchors).toEqual(expect.arrayContaining([`evidence_${f.evidence.plain}`, `evidence_${f.evidence.unlinked}`]));
    for (const a of anchors) expect(bookmarks.has(a)).toBe(true);
    // The index says where each item is cited; a reference typed in a narrative counts too.
    expect(text).toMatch(new RegExp(`${f.refs.unlinked}\\s*\\n\\s*Parent survey 2026\\s*\\n\\s*Survey\\s*\\n\\s*Impact`));
    expect(text).toMatch(/SEND partnership board minutes\s*\n\s*Minutes\s*\n\s*Activity\s*\n\s*01\/01\/2026\s*\n\s*Alex Lead\s*\n\s*Identifying and assessing needs/);
  });

  it('lists action references with status and RAG in words under What next', () => {
    expect(text).toMatch(/2\.1 Clear the backlog of EHC needs assessments – Not achieved; RAG:\s+Red/);
  });

  it('draws the executive summary from the sections', () => {
    expect(text).toMatch(/Strengths\s*\n\s*Identifying and assessing needs\s*\n\s*Strong co-production with the PCF\./);
    expect(text).toMatch(/Areas for development\s*\n\s*Identifying and assessing needs\s*\n\s*Health advice is often late\./);
    expect(text).toMatch(/Priorities for the next 12 months\s*\n\s*Identifying and assessing needs\s*\n\s*Reach 60% within 20 weeks\./);
  });

  it('gives the context indicators with comparators and the direction of travel in words', () => {
    expect(text).toMatch(/KPI1 EHC plans issued within 20 weeks\s*\n\s*52\.5%\s*\n\s*2024\s*\n\s*60%\s*\n\s*46\.4%\s*\n\s*\n\s*\n\s*52\.5% in 2024, up from 41\.2% in 2023; above England \(46\.4%\)\. Improving; better than England; off target \(60% for 2024\)\./);
  });

  it('reports progress against the latest inspection findings: formal verdict, own view, actions', () => {
    expect(text).toContain('The findings of Joint local area SEND inspection, November 2019');
    expect(text).not.toContain('Leaders know the area well'); // strengths are not findings to answer
    expect(text).toMatch(/ASW1 Accountability of leaders[\s\S]*?Sufficient progress \(Revisit, July 2022, 20\/07\/2022\)[\s\S]*?No self-assessment recorded yet[\s\S]*?1\.1 Publish a local data set monthly – Complete; RAG:\s+Green/);
    expect(text).toMatch(/ASW2 Quality of EHC plans[\s\S]*?Not made sufficient progress[\s\S]*?Commentary \(01\/10\/2026\)\s*\n\s*Audits show 72% of plans good or better\./);
  });

  it('explains only the abbreviations the document uses', () => {
    const glossary = text.slice(text.lastIndexOf('Appendix B: Glossary of abbreviations'));
    expect(glossary).toContain('SEND\nSpecial educational needs and disabilities');
    expect(glossary).toContain('PCF\nParent carer forum');
    expect(glossary).toContain('EP\nEducational psychologist'); // "two EPs"
    expect(glossary).not.toContain('CAMHS');
    expect(glossary).not.toContain('WSOA');
  });
});

describe('self-evaluation Word export: options', () => {
  it('leaves draft sections out unless asked, and says so', async () => {
    const without = buildSefModel(f.session.context()!, { sefId: f.sefId });
    expect(without.draftSectionsLeftOut).toBe(5);
    expect(text).toContain('5 sections are still in draft and are not included in this version.');
    expect(text).not.toContain('Draft text not yet agreed.');

    const withDrafts = plainText(unzipDocx(Buffer.from((await f.api.call('export:sefDocx', { includeDrafts: true })).base64, 'base64'))['word/document.xml']!);
    expect(withDrafts).toContain('Draft text not yet agreed.');
    expect(withDrafts).toMatch(/2\. Participation in decisions[\s\S]*?Draft: this section has not been agreed yet\./);
  });

  it('for publication, leaves out evidence with personal data and says how many', async () => {
    expect(doc).toContain(`w:name="evidence_${f.evidence.personal}"`);
    const pub = unzipDocx(Buffer.from((await f.api.call('export:sefDocx', { publication: true })).base64, 'base64'))['word/document.xml']!;
    const pubText = plainText(pub);
    expect(pub).not.toContain(`evidence_${f.evidence.personal}`);
    expect(pubText).not.toContain('Case study: child A');
    expect(pubText).toContain(`Prepared for publication: 1 evidence item containing personal data is left out of this index (${f.refs.personal}).`);
    expect(pubText).toContain('SEND partnership board minutes');
  });

  it('exports the newest self-evaluation by default, and a chosen one on request', async () => {
    const older = await f.api.call('sef:create', { title: 'SEF 2025', frameworkId: 'joint-2016', scaleId: 'rag', asOf: '2025-03-01' });
    const byDefault = buildSefModel(f.session.context()!, {});
    expect(byDefault.sef.id).toBe(f.sefId);
    const chosen = plainText(unzipDocx(await buildSefDocx(f.session.context()!, { sefId: older.id, includeDrafts: true }))['word/document.xml']!);
    expect(chosen).toContain('SEF 2025');
    // 2016 framework: "judgement" wording and its three questions.
    expect(chosen).toContain('Our judgement');
    expect(chosen).toContain('1. Identifying children and young people with SEND');
    await f.api.call('sef:delete', { id: older.id });
  });

  it('asks for a self-evaluation first when the workbook has none, and rejects unknown options', async () => {
    const empty = makeTestWorkbook();
    try {
      const r = await empty.api.result('export:sefDocx', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(!r.ok && r.error.message).toMatch(/^Create a self-evaluation first/);
      const bad = await empty.api.result('export:sefDocx', { sefId: -1, colour: 'red' } as never);
      expect(bad.ok).toBe(false);
      const gone = await f.api.result('export:sefDocx', { sefId: 9999 });
      expect(!gone.ok && gone.error.message).toMatch(/no longer exists/);
    } finally {
      empty.cleanup();
    }
  });
});
