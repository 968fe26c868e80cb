/**
 * Whatever an officer pastes — control characters from Word, emoji, right-to-left text, broken
 * surrogate halves, XML metacharacters, 100,000-character narratives — the export is a valid
 * document with nothing but the XML-invalid characters removed.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgressDocx } from '../../electron/core/exports/docx/progress-document';
import { buildSefDocx } from '../../electron/core/exports/docx/sef-document';
import { isXmlSafe, xmlSafe } from '../../electron/core/exports/text/xml-safe';
import { makeFixture, plainText, unzipDocx, type Fixture } from './fixture';

const LONG = 'abcdefghi '.repeat(10_000); // 100,000 characters
const EMOJI = 'Families told us 👩‍👧‍👦 felt heard 😀👍🏽';
const RTL = 'ملخص: الأسر راضية — סיכום: ההורים מרוצים';
const METACHARACTERS = `Tom & Jerry <b>bold</b> "quoted" 'single' ]]> &amp;`;

function checkWellFormed(parts: Record<string, string>): void {
  const parser = new new JSDOM('').window.DOMParser();
  for (const [name, xml] of Object.entries(parts)) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    expect(isXmlSafe(xml), `${name} has XML-invalid characters`).toBe(true);
    const parsed = parser.parseFromString(xml, 'application/xml');
    expect(parsed.getElementsByTagName('parsererror').length, `${name} is not well-formed XML`).toBe(0);
  }
}

let f: Fixture;

beforeAll(async () => {
  f = await makeFixture();
  const sections = await f.api.call('section:list', { sefId: f.sefId });
  await f.api.call('section:update', {
    id: sections[2]!.id,
    isDraft: false,
    whatWeKnow: `${EMOJI}\n${RTL}\n${METACHARACTERS}\nbroken half \uD800 here`,
    whatWeHaveDone: LONG,
    impact: '',
    whatNext: '\n\n   \n',
  });
  // The contract strips control characters on the way in; rows written by an older version or an
  // import may still hold them, so the exporter must not rely on that.
  const raw = f.workbook.sqlite;
  raw.prepare('UPDATE sef_sections SET what_we_know = ? WHERE id = ?').run('before\u0001\u000B\u000C\u001F\uFFFEafter', sections[3]!.id);
  raw.prepare('UPDATE sef_sections SET is_draft = 0 WHERE id = ?').run(sections[3]!.id);
  raw.prepare('UPDATE self_evaluations SET title = ? WHERE id = ?').run('SEF\u0007 2026 <draft> & more', f.sefId);
  raw.prepare('UPDATE area_profile SET area_name = ?, author_name = ? WHERE id = 1').run('Bristol\u0000', 'Sam\u0008 Officer & Co');
  raw.prepare('UPDATE evidence_items SET title = ? WHERE id = ?').run('Board minutes\u001B[31m', f.evidence.plain);
  raw.prepare('UPDATE priorities SET title = ? WHERE reference = ?').run('Accountability\u000C ✅', '1');
  raw.prepare("UPDATE progress_updates SET highlights = ?, issues = ? WHERE status = 'delayed'").run(`${LONG}\u0002`, RTL);
});
afterAll(() => f.cleanup());

describe('Word exports with hostile text', () => {
  it('xmlSafe removes only what XML cannot hold', () => {
    expect(xmlSafe('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff\uFFFEg\uFFFFh')).toBe('abcdefgh');
    expect(xmlSafe(`tab\tline\ncr\r${EMOJI}${RTL}`)).toBe(`tab\tline\ncr\r${EMOJI}${RTL}`);
    expect(xmlSafe('lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00')).toBe('lone  high, lone  low, pair 😀');
  });

  it('self-evaluation: well-formed XML in every part, text kept apart from invalid characters', async () => {
    const parts = unzipDocx(await buildSefDocx(f.session.context()!, {}));
    checkWellFormed(parts);
    const text = plainText(parts['word/document.xml']!);
    expect(text).toContain(EMOJI);
    expect(text).toContain(RTL);
    expect(text).toContain(METACHARACTERS);
    // SQLite already turns a lone surrogate into replacement characters when it stores it as UTF-8.
    expect(text).toMatch(/broken half \uFFFD* here/);
    expect(text).toContain(LONG);
    expect(text).toContain('beforeafter');
    expect(text).toContain('SEF 2026 <draft> & more');
    expect(text).toContain('Board minutes[31m');
    expect(parts['docProps/core.xml']).toContain('<dc:title>SEF 2026 &lt;draft&gt; &amp; more</dc:title>');
    expect(parts['docProps/core.xml']).toContain('<dc:creator>Sam Officer &amp; Co</dc:creator>');
    // Empty and whitespace-only narratives say so rather than leaving a blank.
    expect(text).toMatch(/3\. The right help at the right time[\s\S]*?Impact\s*\n\s*Not written yet\.[\s\S]*?What next\s*\n\s*Not written yet\./);
  });

  it('progress report: well-formed, long and right-to-left updates kept whole', async () => {
    const parts = unzipDocx(await buildProgressDocx(f.session.context()!, { periodLabel: 'November 2020', asOf: '2020-11-30' }));
    checkWellFormed(parts);
    const text = plainText(parts['word/document.xml']!);
    expect(text).toContain(LONG.trimEnd());
    expect(text).toContain(RTL);
    expect(text).toContain('Priority 1: Accountability ✅');
  });

  it('a self-evaluation with no sections exports a document that says so', async () => {
    const sef = await f.api.call('sef:create', { title: 'Empty SEF', frameworkId: 'area-send-2025', scaleId: 'rag', asOf: '2027-01-01' });
    for (const s of await f.api.call('section:list', { sefId: sef.id })) await f.api.call('section:delete', { id: s.id });
    const parts = unzipDocx(await buildSefDocx(f.session.context()!, { sefId: sef.id }));
    checkWellFormed(parts);
    const text = plainText(parts['word/document.xml']!);
    expect(text).toContain('This self-evaluation has no sections yet. Add a section for each criterion in the workbook, then export again.');
    expect(text).toContain('No strengths are written in the sections yet.');
    expect(text).toContain('No evidence is cited in the sections included in this document.');
  });
});
