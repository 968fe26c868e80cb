/**
 * Issue #16, part 3: importing an existing action plan from a council's spreadsheet, through the
 * channels the import wizard and the command line use. Three layouts (milestones in a column,
 * milestones as rows, merged priority cells), a CSV, UK dates in many forms, unknown words,
 * blank rows, a header row below a title; then what apply writes, its audit, its backup, the Bin,
 * the remembered mapping, and bad input refused with nothing written.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PlanSheetPreview, PlanSheetPreviewInput } from '../../electron/contract/groups/plan-sheet';
import { looseUkDate } from '../../electron/core/plan-returns/value-parsers';
import { splitMilestones, namesIn } from '../../electron/core/imports/plan-sheet/parse-values';
import { guessMapping } from '../../electron/core/imports/plan-sheet/guess-mapping';
import { defaultBackupsDir } from '../../electron/core/safety/backup-names';
import { listBackups } from '../../electron/core/safety/backup-store';
import { runCli } from '../../electron/transports/cli/run-cli';
import { uploadsInProgress } from '../../electron/core/files/upload-sessions';
import { makeTestWorkbook, tempDir, type TestWorkbook } from '../helpers/temp-workbook';
import { layoutMergedPriorities, layoutMilestoneRows, layoutOneRowPerAction, layoutProgrammeBoardReview, noHeadings, PLAN_CSV } from './plan-sheet-fixtures';

async function upload(t: TestWorkbook, name: string, bytes: Uint8Array): Promise<string> {
  const { uploadId, chunkBytes } = await t.api.call('file:uploadBegin', { fileName: name, size: bytes.length });
  for (let seq = 0, at = 0; at < bytes.length; seq++, at += chunkBytes) {
    await t.api.call('file:uploadChunk', { uploadId, seq, base64: Buffer.from(bytes.subarray(at, at + chunkBytes)).toString('base64') });
  }
  return uploadId;
}

const auditCount = (t: TestWorkbook) => t.workbook.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
const count = (t: TestWorkbook, table: string) => t.workbook.sqlite.prepare(`SELECT COUNT(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get() as number;

function actionsOf(p: PlanSheetPreview) {
  return p.priorities.flatMap((x) => x.actions.map((a) => ({ ...a, priority: x.reference })));
}

describe('reading values as councils write them', () => {
  it('reads UK dates in many forms, flagging months and quarters as approximate', () => {
    expect(looseUkDate('22/11/26')).toEqual({ iso: '2026-11-22', approximate: null });
    expect(looseUkDate('22.11.2026')).toEqual({ iso: '2026-11-22', approximate: null });
    expect(looseUkDate('22 Nov 2026')).toEqual({ iso: '2026-11-22', approximate: null });
    expect(looseUkDate('22nd November 2026')).toEqual({ iso: '2026-11-22', approximate: null });
    expect(looseUkDate('22-Nov-26')).toEqual({ iso: '2026-11-22', approximate: null });
    expect(looseUkDate('November 2026')?.iso).toBe('2026-11-30');
    expect(looseUkDate('Nov-26')).toMatchObject({ iso: '2026-11-30', approximate: expect.stringMatching(/last day of the month/) });
    expect(looseUkDate('end of Feb 2028')?.iso).toBe('2028-02-29');
    expect(looseUkDate('Q3 2026/27')).toMatchObject({ iso: '2026-12-31', approximate: expect.stringMatching(/Q3 of 2026\/27/) });
    expect(looseUkDate('Q4 2026/27')?.iso).toBe('2027-03-31');
    expect(looseUkDate('Summer term 2027')?.iso).toBe('2027-07-31');
    expect(looseUkDate('31/02/2026')).toBeNull();
    expect(looseUkDate('Novel approach 2026')).toBeNull();
    expect(looseUkDate('sometime soon')).toBeNull();
  });

  it('splits a cell of milestones on new lines, bullets and semicolons, keeping a date written with each', () => {
    expect(splitMilestones('• Terms of reference agreed (Oct 2026)\n• Minutes published – December 2026')).toEqual([
      { title: 'Terms of reference agreed', date: { kind: 'date', iso: '2026-10-31', approximate: expect.any(String), text: 'Oct 2026' } },
      { title: 'Minutes published', date: { kind: 'date', iso: '2026-12-31', approximate: expect.any(String), text: 'December 2026' } },
    ]);
    expect(splitMilestones('Needs assessment complete; Draft strategy to SEND Board by 31/01/2027; Strategy published').map((m) => [m.title, m.date.kind === 'date' ? m.date.iso : null])).toEqual([
      ['Needs assessment complete', null],
      ['Draft strategy to SEND Board', '2027-01-31'],
      ['Strategy published', null],
    ]);
    // A wrapped line continues its milestone; a hyphenated word is not a date separator.
    expect(splitMilestones('1) Co-produce the charter with\nparents and carers\n2) Launch it').map((m) => m.title)).toEqual(['Co-produce the charter with parents and carers', 'Launch it']);
  });

  it('takes the first person a lead cell names, with what follows the comma as the role', () => {
    expect(namesIn('Wendy Packer, NSC - Head of Education Partnerships – TBA')).toEqual([
      { name: 'Wendy Packer', role: 'NSC' },
      { name: 'Head of Education Partnerships', role: '' },
    ]);
  });

  it('guesses the mapping from header words', () => {
    expect(guessMapping(['Ref', 'Action', 'Lead officer', 'Responsible', 'SRO', 'Target date', 'Revised date', 'Status', 'RAG', 'Milestones', 'Success measures', 'Priority'])).toEqual({
      actionReference: 'A',
      what: 'B',
      lead: 'C',
      sro: 'E',
      dueOn: 'F',
      revisedDueOn: 'G',
      status: 'H',
      rag: 'I',
      milestones: 'J',
      successMeasures: 'K',
      priorityTitle: 'L',
    });
    expect(guessMapping(['What we will do?', 'How we will do it?', 'Who will lead delivery?', 'How will we monitor success?', 'Highlights & Issues'])).toEqual({
      what: 'A',
      how: 'B',
      lead: 'C',
      successMeasures: 'D',
      progressNote: 'E',
    });
  });
});

describe('layout (a): one row per action, milestones in a column', () => {
  let t: TestWorkbook;
  let uploadId: string;
  let input: PlanSheetPreviewInput;
  beforeAll(async () => {
    t = makeTestWorkbook();
    uploadId = await upload(t, 'Testshire WSOA progress.xlsx', await layoutOneRowPerAction());
  });
  afterAll(() => t.cleanup());

  it('samples: lists the sheets, finds the header row under the title and the blank line, and guesses the mapping', async () => {
    const first = await t.api.call('planSheet:sample', { uploadId });
    expect(first.sheets.map((s) => s.name)).toEqual(['Cover', 'WSOA progress']);
    const s = await t.api.call('planSheet:sample', { uploadId, sheet: 'WSOA progress' });
    expect(s.format).toBe('xlsx');
    expect(s.headerRow).toBe(3);
    expect(s.headerCells.slice(0, 3)).toEqual([
      { column: 'A', text: 'Priority' },
      { column: 'B', text: 'Ref' },
      { column: 'C', text: 'What we will do?' },
    ]);
    expect(s.rows[0]).toMatchObject({ row: 4, cells: expect.arrayContaining(['1.1']) });
    expect(s.guessedMapping).toEqual({
      priorityTitle: 'A',
      actionReference: 'B',
      what: 'C',
      how: 'D',
      lead: 'E',
      sro: 'F',
      partner: 'G',
      startsOn: 'H',
      dueOn: 'I',
      revisedDueOn: 'J',
      status: 'K',
      rag: 'L',
      milestones: 'M',
      successMeasures: 'N',
      progressNote: 'O',
    });
    expect(s.remembered).toBeNull();
    expect(s.mapping).toEqual(s.guessedMapping);
    input = { uploadId, sheet: s.sheet, headerRow: s.headerRow!, mapping: s.mapping, target: { newPlan: { title: 'Testshire WSOA 2026', type: 'wsoa' } } };
  });

  it('previews priorities, actions and milestones with their rows, dates in several forms, and the words it does not know', async () => {
    const before = auditCount(t);
    const p = await t.api.call('planSheet:preview', input);
    expect(p.priorities.map((x) => [x.reference, x.title, x.row])).toEqual([
      ['1', 'Leadership and accountability', 4],
      ['2', 'Identification of need', 7],
    ]);
    const actions = actionsOf(p);
    expect(actions.map((a) => [a.priority, a.reference, a.row])).toEqual([
      ['1', '1.1', 4],
      ['1', '1.2', 5],
      ['2', '2.1', 7],
      ['2', '2.2', 8],
      ['2', '2.3', 9],
      ['2', '2.4', 10],
    ]);
    const [a11, a12, a21, a22, a23, a24] = actions;
    expect(a11).toMatchObject({ startsOn: '2026-09-01', dueOn: '2026-11-22', status: 'complete', rag: 'green', lead: 'Jo Bennett', sro: 'Director of Children’s Services', partner: 'Testshire Council', progressUpdate: true });
    expect(a11!.milestones).toEqual([
      { row: 4, title: 'Terms of reference agreed by the Board', dueOn: '2026-10-31', status: 'achieved' },
      { row: 4, title: 'Minutes published on the Local Offer', dueOn: '2026-12-31', status: 'achieved' },
    ]);
    expect(a12).toMatchObject({ startsOn: '2026-11-22', dueOn: '2027-11-22', revisedDueOn: '2027-11-30', revisedDueReason: expect.stringMatching(/row 5.*no reason/) });
    expect(a12!.milestones.map((m) => m.title)).toEqual(['Needs assessment complete', 'Draft strategy to SEND Board', 'Strategy published']);
    expect(a21).toMatchObject({ dueOn: '2026-12-31', status: 'delayed', rag: 'red' });
    expect(a22).toMatchObject({ dueOn: null, lead: 'Alex Reid', rag: 'amber' });
    expect(a22!.notes.join(' ')).toMatch(/also names “Jo Bennett”/);
    expect(a23).toMatchObject({ dueOn: null, status: 'not_started', progressUpdate: false });
    expect(a24).toMatchObject({ dueOn: '2026-11-22', status: 'not_started' });

    expect(p.dates.map((d) => [d.row, d.field, d.problem, d.value])).toEqual(
      expect.arrayContaining([
        [5, 'revisedDueOn', 'approximate', '2027-11-30'],
        [7, 'dueOn', 'approximate', '2026-12-31'],
        [8, 'dueOn', 'no_date', null],
        [9, 'dueOn', 'unreadable', null],
      ]),
    );
    expect(p.dates.find((d) => d.problem === 'unreadable')!.message).toMatch(/Row 9: Due date: “sometime soon” is not a date/);
    expect(p.unknownWords).toEqual([
      { field: 'status', word: 'Progressing well', key: 'progressing well', rows: [5] },
      { field: 'rag', word: 'Amber/Green', key: 'amber/green', rows: [5] },
    ]);
    expect(p.words.find((w) => w.word === 'Complete')).toMatchObject({ field: 'status', mapsTo: 'complete', from: 'default' });
    expect(p.canApply).toBe(false);
    expect(p.blockers.join(' ')).toMatch(/“Progressing well”.*row 5/);
    expect(p.peopleToCreate).toEqual(['Jo Bennett', 'Director of Children’s Services', 'Sam Okafor', 'Alex Reid']);
    expect(p.partnersToCreate).toEqual(['Testshire Council', 'Testshire ICB']);
    expect(p.counts).toMatchObject({ blankRows: 1, priorities: 2, actions: 6, milestones: 5, progressUpdates: 4, people: 4, partners: 2 });
    expect(p.warnings.join(' ')).toMatch(/column P “Budget”/);
    expect(auditCount(t)).toBe(before);
  });

  it('refuses to apply while a word is unmapped, and writes nothing', async () => {
    const before = auditCount(t);
    const result = await t.dispatch('planSheet:apply', input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.message).toMatch(/Nothing was imported.*“Progressing well”/);
      expect(result.error.issues?.map((i) => i.path)).toEqual(['statusMap.progressing well', 'ragMap.amber/green']);
    }
    expect(auditCount(t)).toBe(before);
    expect(count(t, 'plans')).toBe(0);
  });

  it('applies with the words mapped: backs up first, creates everything through the services, audited, and remembers the mapping', async () => {
    const backupsBefore = listBackups(defaultBackupsDir(t.file)).filter((b) => b.reason === 'before-import').length;
    const auditBefore = auditCount(t);
    const result = await t.api.call('planSheet:apply', { ...input, statusMap: { 'Progressing  Well.': 'on_track' }, ragMap: { 'amber/green': 'amber' }, rememberMapping: true });
    expect(result).toMatchObject({ planTitle: 'Testshire WSOA 2026', planCreated: true, prioritiesCreated: 2, actionsCreated: 6, milestonesCreated: 5, progressUpdatesCreated: 4, peopleCreated: 4, partnersCreated: 2, mappingRemembered: true });
    expect(listBackups(defaultBackupsDir(t.file)).filter((b) => b.reason === 'before-import')).toHaveLength(backupsBefore + 1);

    const plan = await t.api.call('plan:get', { id: result.planId });
    expect(plan).toMatchObject({ type: 'wsoa', status: 'draft' });
    const priorities = (await t.api.call('priority:list', { planId: plan.id })).items;
    expect(priorities.map((p) => `${p.reference} ${p.title}`)).toEqual(['1 Leadership and accountability', '2 Identification of need']);
    const actions = (await t.api.call('action:list', { planId: plan.id })).items;
    const a12 = actions.find((a) => a.reference === '1.2')!;
    expect(a12).toMatchObject({ status: 'on_track', leadName: 'Sam Okafor', sroName: 'Director of Children’s Services', partnerName: 'Testshire ICB', dueOn: '2027-11-22', revisedDueOn: '2027-11-30', successMeasures: 'Strategy signed off by the Council and the ICB' });
    expect(a12.how).toBe('Joint needs assessment; co-produce priorities with the parent carer forum');
    const updates = (await t.api.call('progress:list', { actionId: a12.id })).items;
    expect(updates).toHaveLength(1);
    expect(updates[0]).toMatchObject({ reportedOn: '2026-11-22', status: 'on_track', rag: 'amber', highlights: 'Needs assessment delayed by data sharing agreement.', source: 'Imported from Testshire WSOA progress.xlsx' });
    expect(a12.rag).toBe('amber');
    const milestones = (await t.api.call('milestone:list', { actionId: actions.find((a) => a.reference === '1.1')!.id })).items;
    expect(milestones.map((m) => [m.title, m.dueOn, m.status])).toEqual([
      ['Terms of reference agreed by the Board', '2026-10-31', 'achieved'],
      ['Minutes published on the Local Offer', '2026-12-31', 'achieved'],
    ]);
    const people = (await t.api.call('person:list', {})).items;
    expect(people.find((p) => p.name === 'Jo Bennett')).toMatchObject({ role: 'Head of SEND' });
    const partners = (await t.api.call('partner:list', {})).items;
    expect(partners.map((p) => [p.name, p.kind])).toEqual(expect.arrayContaining([['Testshire Council', 'council'], ['Testshire ICB', 'health']]));

    // Every record was audited as a create, as the app's own forms would.
    const created = t.workbook.sqlite.prepare("SELECT entity, COUNT(DISTINCT entity_id) AS n FROM audit_log WHERE id > ? AND operation = 'create' GROUP BY entity").all(auditBefore) as { entity: string; n: number }[];
    expect(Object.fromEntries(created.map((c) => [c.entity, c.n]))).toEqual({ plan: 1, priority: 2, action: 6, milestone: 5, progress: 4, person: 4, partner: 2, planSheetMapping: 1 });
    expect(t.workbook.sqlite.prepare("SELECT new_value FROM audit_log WHERE entity = 'planSheetMapping' AND field = 'statusMap'").pluck().get()).toBe('{"progressing well":"on_track"}');

    // The history lists the saved mapping with the records (the answer passes output validation).
    const recent = (await t.api.call('history:recent', { limit: 100 })).items;
    expect(recent.some((e) => e.entity === 'planSheetMapping' && e.field === 'mapping')).toBe(true);

    // The mapping is remembered for the next spreadsheet with the same headings.
    const again = await t.api.call('planSheet:sample', { uploadId, sheet: 'WSOA progress' });
    expect(again.remembered).toMatchObject({ mapping: input.mapping, statusMap: { 'progressing well': 'on_track' }, ragMap: { 'amber/green': 'amber' } });
    expect(again.mapping).toEqual(input.mapping);
  });

  it('imported again into the same plan, adds nothing and says so', async () => {
    const planId = (await t.api.call('plan:list', {})).items[0]!.id;
    const p = await t.api.call('planSheet:preview', { ...input, statusMap: { 'progressing well': 'on_track' }, ragMap: { 'amber/green': 'amber' }, target: { planId } });
    expect(p.counts.actions).toBe(0);
    expect(p.skipped.map((s) => s.reason)).toContain('Action 1.1 is already in priority 1 of “Testshire WSOA 2026”, so it is not imported again.');
    expect(p.priorities).toEqual([]);
    expect(p.canApply).toBe(false);
    expect(p.blockers).toEqual(['Every action in the sheet is already in “Testshire WSOA 2026”: there is nothing new to import.']);
  });

  it('is undone by deleting the plan to the Bin, and restored from it', async () => {
    const planId = (await t.api.call('plan:list', {})).items[0]!.id;
    await t.api.call('plan:delete', { id: planId });
    expect(count(t, 'actions')).toBe(0);
    expect(count(t, 'milestones')).toBe(0);
    expect(count(t, 'progress_updates')).toBe(0);
    const bin = (await t.api.call('bin:list', {})).items;
    const entry = bin.find((b) => b.entity === 'plan' && b.entityId === planId)!;
    expect(entry.rowCount).toBe(1 + 2 + 6 + 5 + 4);
    await t.api.call('bin:restore', { binEntryId: entry.id });
    expect((await t.api.call('action:list', { planId })).total).toBe(6);
    expect(count(t, 'milestones')).toBe(5);
  });
});

describe('layout (b): milestones as rows under their action', () => {
  it('attaches milestone rows to the action above, reads merged or repeated action cells as the same action, and priority header rows as priorities', async () => {
    const t = makeTestWorkbook();
    const uploadId = await upload(t, 'send-action-plan.xlsx', await layoutMilestoneRows());
    const s = await t.api.call('planSheet:sample', { uploadId });
    expect(s.headerRow).toBe(1);
    expect(s.mapping).toEqual({ actionReference: 'A', what: 'B', lead: 'C', milestones: 'D', milestoneDueOn: 'E', status: 'F' });
    expect(s.mergedRanges).toEqual(expect.arrayContaining(['A2:F2', 'A9:A10']));
    const input = { uploadId, headerRow: 1, mapping: s.mapping, target: { newPlan: { title: 'SEND action plan' } } };
    const p = await t.api.call('planSheet:preview', input);
    expect(p.priorities.map((x) => [x.reference, x.title])).toEqual([
      ['1', 'Identifying Needs'],
      ['2', 'Meeting Needs'],
    ]);
    const actions = actionsOf(p);
    expect(actions.map((a) => [a.reference, a.row, a.milestones.map((m) => [m.row, m.title, m.dueOn, m.status])])).toEqual([
      [
        '1.1',
        3,
        [
          [4, 'Recruit two educational psychologists', '2027-01-31', 'not_yet_due'],
          [5, 'Commission locum EP capacity for the backlog', '2026-09-30', 'achieved'],
        ],
      ],
      [
        '1.2',
        6,
        [
          [6, 'Publish pathway guidance on the Local Offer', '2026-12-31', 'not_yet_due'],
          [7, 'Jointly commission pre- and post-diagnosis support', '2027-03-31', 'not_yet_due'],
        ],
      ],
      [
        '2.1',
        9,
        [
          [9, 'Electronic patient record in use', '2027-04-30', 'not_yet_due'],
          [10, 'Waiting times reported monthly to the SEND Board', '2027-05-31', 'not_yet_due'],
        ],
      ],
    ]);
    expect(actions[0]).toMatchObject({ lead: 'Wendy Packer', status: 'on_track' });
    expect(actions[2]).toMatchObject({ what: 'We will improve access to specialist CAMHS', references: 'Written Statement of Action, ASW4.2' });
    expect(actions[0]!.notes.join(' ')).toMatch(/also names “Head of Education Partnerships”/);
    expect(p.skipped).toEqual([]);
    expect(p.canApply).toBe(true);
    const result = await t.api.call('planSheet:apply', input);
    expect(result).toMatchObject({ prioritiesCreated: 2, actionsCreated: 3, milestonesCreated: 6, peopleCreated: 3 });
    const wendy = (await t.api.call('person:list', { search: 'Wendy' })).items[0]!;
    expect(wendy).toMatchObject({ name: 'Wendy Packer', role: 'NSC' });
    t.cleanup();
  });
});

describe('layout (c): merged priority cells', () => {
  it('applies a merged priority cell to every row it spans, making references for actions that have none', async () => {
    const t = makeTestWorkbook();
    const uploadId = await upload(t, 'improvement-plan.xlsx', await layoutMergedPriorities());
    const s = await t.api.call('planSheet:sample', { uploadId });
    expect(s.mapping).toEqual({ priorityTitle: 'A', what: 'B', lead: 'C', dueOn: 'D', rag: 'E' });
    const p = await t.api.call('planSheet:preview', { uploadId, headerRow: s.headerRow!, mapping: s.mapping, target: { newPlan: { title: 'Improvement plan' } } });
    expect(p.priorities.map((x) => [x.reference, x.title, x.actions.map((a) => [a.reference, a.referenceMade, a.rag])])).toEqual([
      [
        '1',
        'Leadership and accountability',
        [
          ['1.1', true, 'green'],
          ['1.2', true, 'amber'],
          ['1.3', true, 'green'],
        ],
      ],
      [
        '2',
        'Co-production',
        [
          ['2.1', true, 'red'],
          ['2.2', true, 'amber'],
        ],
      ],
    ]);
    expect(p.counts.progressUpdates).toBe(5);
    expect(p.warnings).toContain('No column is mapped to “Status”, so every action starts as “Not started”: map the status column, or set each status in the app.');
    t.cleanup();
  });
});

describe('a programme board review table', () => {
  it('takes references (and [Ref: …] links) from the action text, area headings (above the header row too) as priorities, and highlights as progress notes', async () => {
    const t = makeTestWorkbook();
    const uploadId = await upload(t, 'programme-board-review.xlsx', await layoutProgrammeBoardReview());
    const s = await t.api.call('planSheet:sample', { uploadId });
    expect(s.headerRow).toBe(3);
    expect(s.mapping).toEqual({ what: 'A', how: 'B', lead: 'C', successMeasures: 'D', progressNote: 'E' });
    const p = await t.api.call('planSheet:preview', { uploadId, headerRow: 3, mapping: s.mapping, target: { newPlan: { title: 'SEND action plan review' } } });
    expect(p.priorities.map((x) => [x.reference, x.title, x.row, x.actions.map((a) => a.reference)])).toEqual([
      ['1', 'Identifying Needs', 2, ['1.1', '1.2']],
      ['2', 'Meeting Needs', 7, ['2.1']],
    ]);
    // The headings repeated under the second area are skipped, not read as an action.
    expect(p.skipped).toEqual([{ row: 8, reason: 'It repeats the column headings.' }]);
    const [a11, a12] = actionsOf(p);
    expect(a11).toMatchObject({
      what: 'We will ensure that sufficient SEND officer and educational psychology resource is available to enable timely EHC assessments',
      references: 'Identification and EHCP assessments, MI report Autumn 2025 p3 & Written Statement of Action, ASW4.1',
      referenceMade: false,
      lead: 'Wendy Packer',
      progressUpdate: true,
      rag: null,
    });
    expect(a12!.lead).toBe('Rachel Anthwal');
    expect(a12!.notes.join(' ')).toMatch(/also names “Mike Newman”/);
    expect(p.counts).toMatchObject({ actions: 3, progressUpdates: 3, blankRows: 1, rowsSkipped: 1 });
    const result = await t.api.call('planSheet:apply', { uploadId, headerRow: 3, mapping: s.mapping, target: { newPlan: { title: 'SEND action plan review' } } });
    const updates = (await t.api.call('progress:list', { actionId: (await t.api.call('action:list', { planId: result.planId })).items[0]!.id })).items;
    expect(updates[0]).toMatchObject({ status: 'not_started', rag: null, highlights: '20-week performance beginning to recover but remains low at 16%.' });
    t.cleanup();
  });
});

describe('a CSV', () => {
  it('is read with its header row below a title and a blank line, its dates in UK forms, its blank rows skipped', async () => {
    const t = makeTestWorkbook();
    const uploadId = await upload(t, 'plan.csv', new TextEncoder().encode(PLAN_CSV));
    const s = await t.api.call('planSheet:sample', { uploadId });
    expect(s).toMatchObject({ format: 'csv', headerRow: 3, sheets: [{ name: 'plan', rowCount: 7, columnCount: 6 }] });
    expect(s.mapping).toEqual({ priorityTitle: 'A', actionReference: 'B', what: 'C', lead: 'D', dueOn: 'E', status: 'F' });
    const input = { uploadId, headerRow: 3, mapping: s.mapping, target: { newPlan: { title: 'SEND Improvement Plan 2026-27', type: 'improvement', startsOn: '2026-09-01', endsOn: '2027-08-31' } } };
    const p = await t.api.call('planSheet:preview', input);
    expect(actionsOf(p).map((a) => [a.priority, a.reference, a.dueOn, a.status])).toEqual([
      ['1', '1.1', '2026-11-22', 'on_track'],
      ['1', '1.2', '2026-11-22', 'not_started'],
      ['2', '2.1', '2027-03-31', 'delayed'],
    ]);
    expect(p.counts.blankRows).toBe(1);
    const result = await t.api.call('planSheet:apply', input);
    expect(result.actionsCreated).toBe(3);
    expect(await t.api.call('plan:get', { id: result.planId })).toMatchObject({ startsOn: '2026-09-01', endsOn: '2027-08-31', type: 'improvement' });
    t.cleanup();
  });
});

describe('what a new user of a real tracker would trip over', () => {
  const TRACKER = [
    'Priority,Ref,Action,Lead,Target date,Revised date,Status,Milestones',
    '"Priority 1: Co-production",1.1,"Co-produce a charter with the parent carer forum",Tom Green,Mar 2021,,Delayed,"Workshops held\nCharter drafted (Jan 2021)"',
    ',1.2,"Train leaders in co-production",Tom Green,31/03/2021,30/06/2021,On track,"Training programme agreed"',
    ',1.3,"Publish the charter",Tom Green,TBC,,Not started,"Charter published"',
    '',
  ].join('\r\n');

  it('milestones with no date of their own are due when their action is, and the preview says so; an approximate date keeps the words the sheet used', async () => {
    const t = makeTestWorkbook({ now: '2021-01-15T10:00:00Z' });
    const uploadId = await upload(t, 'tracker.csv', new TextEncoder().encode(TRACKER));
    const s = await t.api.call('planSheet:sample', { uploadId });
    const input = { uploadId, headerRow: s.headerRow!, mapping: s.mapping, target: { newPlan: { title: 'Co-production plan' } } };
    const p = await t.api.call('planSheet:preview', input);
    const byRef = Object.fromEntries(actionsOf(p).map((a) => [a.reference, a]));
    expect(byRef['1.1']!.milestones.map((m) => [m.title, m.dueOn])).toEqual([
      ['Workshops held', '2021-03-31'],
      ['Charter drafted', '2021-01-31'],
    ]);
    expect(byRef['1.1']!.notes).toContain('Row 2: milestones with no date of their own are due when action 1.1 is (31/03/2021).');
    // The revised date wins over the first one.
    expect(byRef['1.2']!.milestones[0]!.dueOn).toBe('2021-06-30');
    expect(byRef['1.2']!.notes).toContain('Row 3: milestones with no date of their own are due when action 1.2 is (its revised due date, 30/06/2021).');
    // No date anywhere: the milestone stays undated, and nothing claims otherwise.
    expect(byRef['1.3']!.milestones[0]!.dueOn).toBeNull();
    expect(byRef['1.3']!.notes.some((n) => n.includes('milestones with no date'))).toBe(false);
    // "Mar 2021" is shown as the sheet wrote it, with the date used in the message.
    expect(p.dates.find((d) => d.row === 2 && d.field === 'dueOn')).toMatchObject({ text: 'Mar 2021', value: '2021-03-31', problem: 'approximate' });
    t.cleanup();
  });

  it('a second import as a new plan of the same name is warned about; milestone rows of an action already in the plan say why they are left out', async () => {
    const t = makeTestWorkbook({ now: '2021-01-15T10:00:00Z' });
    const csv = ['Ref,Action,Milestone,Milestone due', '1.1,"Co-produce a charter",,', ',,"Workshops held",01/02/2021', ',,"Charter drafted",01/03/2021', ''].join('\r\n');
    const uploadId = await upload(t, 'rows.csv', new TextEncoder().encode(csv));
    const s = await t.api.call('planSheet:sample', { uploadId });
    expect(s.mapping).toMatchObject({ actionReference: 'A', what: 'B', milestones: 'C', milestoneDueOn: 'D' });
    const input = { uploadId, headerRow: s.headerRow!, mapping: s.mapping, target: { newPlan: { title: 'Co-production plan' } } };
    const first = await t.api.call('planSheet:apply', input);
    expect(first.milestonesCreated).toBe(2);

    const again = await t.api.call('planSheet:preview', { ...input, target: { newPlan: { title: ' co-production PLAN ' } } });
    expect(again.warnings).toContain(
      `A plan called “Co-production plan” is already in this workbook (plan number ${first.planId}). Importing makes a second plan beside it; to add only what is new to that plan, choose it as the plan to import into.`,
    );
    const into = await t.api.call('planSheet:preview', { ...input, target: { planId: first.planId } });
    expect(into.skipped.map((x) => [x.row, x.reason])).toEqual([
      [2, 'Action 1.1 is already in priority 1 of “Co-production plan”, so it is not imported again.'],
      [3, 'It is a milestone of action 1.1 (row 2), which is already in “Co-production plan”, so it is not imported again.'],
      [4, 'It is a milestone of action 1.1 (row 2), which is already in “Co-production plan”, so it is not imported again.'],
    ]);
    t.cleanup();
  });

  it('a cover sheet in front of the plan is passed over when no sheet is named', async () => {
    const t = makeTestWorkbook();
    const uploadId = await upload(t, 'Testshire WSOA progress.xlsx', await layoutOneRowPerAction());
    const s = await t.api.call('planSheet:sample', { uploadId });
    expect(s.sheets.map((x) => x.name)).toEqual(['Cover', 'WSOA progress']);
    expect(s.sheet).toBe('WSOA progress');
    t.cleanup();
  });
});

describe('a CSV saved by Excel on Windows', () => {
  it('is read as Windows-1252 when it is not UTF-8 (£, curly quotes and dashes kept)', async () => {
    const t = makeTestWorkbook();
    const text = 'Ref,Action,Lead,Due\r\n1.1,"Fund the parent carer forum \u2013 \u00a312,000 a year",Chris\u2019s team,31/03/2027\r\n';
    const bytes = Uint8Array.from([...text].map((ch) => ({ '\u2013': 0x96, '\u2019': 0x92 })[ch] ?? ch.charCodeAt(0)));
    const uploadId = await upload(t, 'plan.csv', bytes);
    const s = await t.api.call('planSheet:sample', { uploadId });
    const p = await t.api.call('planSheet:preview', { uploadId, headerRow: s.headerRow!, mapping: s.mapping, target: { newPlan: { title: 'Plan' } } });
    expect(actionsOf(p)[0]).toMatchObject({ what: 'Fund the parent carer forum \u2013 \u00a312,000 a year', lead: 'Chris\u2019s team' });
    t.cleanup();
  });
});

describe('bad input is answered with a clear message and nothing written', () => {
  let t: TestWorkbook;
  beforeAll(() => {
    t = makeTestWorkbook();
  });
  afterAll(() => t.cleanup());

  it('a file that is not a spreadsheet', async () => {
    const before = auditCount(t);
    const uploadId = await upload(t, 'letter.pdf', new TextEncoder().encode('%PDF-1.7\n1 0 obj\n'));
    const result = await t.dispatch('planSheet:sample', { uploadId });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/“letter\.pdf” is not an Excel \(\.xlsx\) or CSV file/) } });
    expect(auditCount(t)).toBe(before);
  });

  it('a sheet with no headings: the sample says so, and a preview from an empty row is refused', async () => {
    const uploadId = await upload(t, 'numbers.xlsx', await noHeadings());
    const s = await t.api.call('planSheet:sample', { uploadId });
    expect(s.headerRow).toBeNull();
    expect(s.warnings.join(' ')).toMatch(/No row of “Numbers” reads as column headings/);
    const result = await t.dispatch('planSheet:preview', { uploadId, headerRow: 5, mapping: { what: 'A' }, target: { newPlan: { title: 'X' } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/Row 5 is below the last row of “Numbers”/) } });
  });

  it('a sheet longer than any plan', async () => {
    const rows = ['Ref,Action,Lead', ...Array.from({ length: 20_001 }, (_, i) => `${i + 1},Action ${i + 1},Jo`)].join('\n');
    const uploadId = await upload(t, 'huge.csv', new TextEncoder().encode(rows));
    const result = await t.dispatch('planSheet:sample', { uploadId });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/more than 20,000 rows/) } });
  });

  it('a file larger than any plan spreadsheet', async () => {
    const uploadId = await upload(t, 'scanned-plan.csv', new Uint8Array(21 * 1024 * 1024).fill(0x41));
    const result = await t.dispatch('planSheet:sample', { uploadId });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/“scanned-plan\.csv” is 21\.0 MB, more than the 20 MB a plan spreadsheet can be/) } });
  });

  it('progress dated after today', async () => {
    const uploadId = await upload(t, 'merged.xlsx', await layoutMergedPriorities());
    const p = await t.api.call('planSheet:preview', { uploadId, headerRow: 1, mapping: { priorityTitle: 'A', what: 'B', rag: 'E' }, target: { newPlan: { title: 'X' } }, reportedOn: '2026-12-25' });
    expect(p.canApply).toBe(false);
    expect(p.blockers).toEqual(['The date of the progress shown in the spreadsheet (25/12/2026) is after today: give the date the RAG ratings and notes were written.']);
    const before = auditCount(t);
    const result = await t.dispatch('planSheet:apply', { uploadId, headerRow: 1, mapping: { priorityTitle: 'A', what: 'B', rag: 'E' }, target: { newPlan: { title: 'X' } }, reportedOn: '2026-12-25' });
    expect(result.ok).toBe(false);
    expect(auditCount(t)).toBe(before);
  });

  it('a mapping that names a column the sheet does not have, or no action column, or one column twice', async () => {
    const before = auditCount(t);
    const uploadId = await upload(t, 'plan.csv', new TextEncoder().encode(PLAN_CSV));
    const base = { uploadId, headerRow: 3, target: { newPlan: { title: 'X' } } };
    const missing = await t.dispatch('planSheet:apply', { ...base, mapping: { what: 'C', lead: 'Z' } });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/Column Z is mapped to “Lead officer”, but the sheet’s last column is F/) } });
    const noAction = await t.dispatch('planSheet:preview', { ...base, mapping: { lead: 'D' } });
    expect(noAction).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'mapping.what', message: 'Choose the column that holds the actions (what we will do).' }] } });
    const twice = await t.dispatch('planSheet:preview', { ...base, mapping: { what: 'C', how: 'c' } });
    expect(twice).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Column C is mapped to both/) } });
    const badField = await t.dispatch('planSheet:preview', { ...base, mapping: { what: 'C', budget: 'D' } });
    expect(badField.ok).toBe(false);
    const badType = await t.dispatch('planSheet:preview', { ...base, mapping: { what: 'C' }, target: { newPlan: { title: 'X', type: 'strategy' } } });
    expect(badType).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'Choose a plan type: WSOA, APP, PAP, Plan.' } });
    const noPlan = await t.dispatch('planSheet:preview', { ...base, mapping: { what: 'C' }, target: { planId: 999 } });
    expect(noPlan).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(auditCount(t)).toBe(before);
    expect(count(t, 'plans')).toBe(0);
  });

  it('an .xlsx applied without a preview of it (the reading is not kept)', async () => {
    const before = auditCount(t);
    const uploadId = await upload(t, 'never-previewed.xlsx', await layoutMergedPriorities());
    const result = await t.dispatch('planSheet:apply', { uploadId, headerRow: 1, mapping: { priorityTitle: 'A', what: 'B' }, target: { newPlan: { title: 'X' } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: 'Preview “never-previewed.xlsx” again before importing it (a preview is kept for an hour). Nothing was changed.' } });
    expect(auditCount(t)).toBe(before);
    // A CSV is simply read again.
    const csv = await upload(t, 'never-previewed.csv', new TextEncoder().encode(PLAN_CSV));
    const applied = await t.api.call('planSheet:apply', { uploadId: csv, headerRow: 3, mapping: { priorityTitle: 'A', actionReference: 'B', what: 'C' }, target: { newPlan: { title: 'From a CSV' } } });
    expect(applied.actionsCreated).toBe(3);
  });
});

describe('workbook import-plan-sheet', () => {
  async function cli(...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) });
    return { code, out, err };
  }

  it('prints the guessed mapping and the preview, takes an edited mapping, and imports with --apply', async () => {
    const dir = tempDir();
    const workbook = path.join(dir, 'area.workbook');
    expect((await cli('new', '--out', workbook, '--area', 'Testshire')).code).toBe(0);
    const sheet = path.join(dir, 'wsoa.xlsx');
    writeFileSync(sheet, await layoutOneRowPerAction());

    const uploadsBefore = uploadsInProgress();
    const preview = await cli('import-plan-sheet', '--workbook', workbook, '--in', sheet, '--sheet', 'WSOA progress', '--plan-name', 'Testshire WSOA');
    expect(preview.code).toBe(0);
    expect(preview.out).toMatch(/Header row: 3/);
    expect(preview.out).toContain('"actionReference": "B"');
    expect(preview.out).toMatch(/Priority 1 “Leadership and accountability” \(row 4\)/);
    expect(preview.out).toMatch(/1\.2 .*Produce a joint commissioning strategy/);
    expect(preview.out).toMatch(/Unknown status word “Progressing well” \(row 5\)/);
    expect(preview.out).toMatch(/Row 9: Due date: “sometime soon” is not a date/);
    expect(preview.out).toMatch(/Nothing was changed/);

    // Applying with words unmapped is refused.
    const refused = await cli('import-plan-sheet', '--workbook', workbook, '--in', sheet, '--sheet', 'WSOA progress', '--plan-name', 'Testshire WSOA', '--apply');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Progressing well/);

    const map = path.join(dir, 'map.json');
    const mapping = JSON.parse(/^Mapping guessed from the headings \(save as MAP\.json and edit\):\n([\s\S]*?\n\})$/m.exec(preview.out)![1]!) as { mapping: Record<string, string> };
    writeFileSync(map, JSON.stringify({ ...mapping, statusMap: { 'progressing well': 'on_track' }, ragMap: { 'amber/green': 'amber' } }));
    const applied = await cli('import-plan-sheet', '--workbook', workbook, '--in', sheet, '--sheet', 'WSOA progress', '--mapping', map, '--plan-name', 'Testshire WSOA', '--remember', '--apply');
    expect(applied.err).toBe('');
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/Imported into plan .*“Testshire WSOA”: 2 priorities, 6 actions, 5 milestones, 4 progress updates; 4 people and 2 partners added/);
    expect(applied.out).toMatch(/The mapping is remembered for this layout/);
    // The history replays cleanly with the remembered mapping's audit entries in it.
    const check = await cli('check', '--workbook', workbook);
    expect(check.code).toBe(0);
    // No upload is left behind holding a copy of the council's plan.
    expect(uploadsInProgress()).toBe(uploadsBefore);
    // Next time, without --mapping, the remembered mapping and words are used.
    const next = await cli('import-plan-sheet', '--workbook', workbook, '--in', sheet, '--sheet', 'WSOA progress', '--plan-name', 'Again');
    expect(next.out).toMatch(/Mapping remembered for this layout/);
    expect(next.out).toContain('"progressing well": "on_track"');
    expect(next.out).toMatch(/Run again with --apply to import/);
  });
});
