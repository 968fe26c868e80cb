import { afterEach, describe, expect, it } from 'vitest';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { makeEvent } from './fixtures';

let t: TestWorkbook;
afterEach(() => t?.cleanup());

const child = (eventId: number, pseudonym: string, extra: Record<string, unknown> = {}) => ({
  eventId,
  pseudonym,
  settingType: 'mainstream' as const,
  senStatus: 'ehc_plan' as const,
  ...extra,
});

describe('tracked children', () => {
  it('sets documents due 2 working days after selection, across a weekend', async () => {
    t = makeTestWorkbook({ now: '2026-11-19T10:00:00Z' }); // Thursday
    const event = await makeEvent(t);
    const saved = await t.api.call('trackedChild:create', child(event.id, 'CYP-A'));
    expect(saved.child).toMatchObject({ selectedOn: '2026-11-19', documentsDueOn: '2026-11-23', consentStatus: 'not_asked' });
    expect(saved.warnings).toEqual(['Documents for CYP-A are due by 23/11/2026.']);
    const moved = await t.api.call('trackedChild:update', { id: saved.child.id, selectedOn: '2026-11-24' });
    expect(moved.child.documentsDueOn).toBe('2026-11-26');
  });

  it('allows a seventh child but warns', async () => {
    t = makeTestWorkbook();
    const event = await makeEvent(t);
    for (let i = 1; i <= 6; i++) {
      const r = await t.api.call('trackedChild:create', child(event.id, `Child ${i}`));
      expect(r.warnings.some((w) => /usually choose/.test(w))).toBe(false);
    }
    const seventh = await t.api.call('trackedChild:create', child(event.id, 'Child 7'));
    expect(seventh.warnings[0]).toBe(
      'This is tracked child number 7 for this inspection. Inspectors usually choose up to 6: check it is not a duplicate or a case-sampling child.',
    );
    expect(await t.api.call('trackedChild:list', { eventId: event.id })).toHaveLength(7);
  });

  it('refuses personal identifiers in the pseudonym and notes, saying why, and stores nothing', async () => {
    t = makeTestWorkbook();
    const event = await makeEvent(t);
    const named = await t.api.result('trackedChild:create', child(event.id, 'Jane Smith'));
    expect(named.ok).toBe(false);
    if (!named.ok) {
      expect(named.error.code).toBe('invalid_input');
      expect(named.error.issues?.[0]?.path).toBe('pseudonym');
      expect(named.error.message).toMatch(/^The pseudonym must not identify the child: “Jane Smith” looks like a person's name\. Use a pseudonym such as “CYP-A”/);
    }
    const nhs = await t.api.result('trackedChild:create', child(event.id, 'CYP-B', { notes: 'NHS no. 943 476 5919' }));
    expect(!nhs.ok && nhs.error.message).toMatch(/NHS number/);
    const upn = await t.api.result('trackedChild:create', child(event.id, 'A123456789012'));
    expect(!upn.ok && upn.error.message).toMatch(/unique pupil number/);
    const dob = await t.api.result('trackedChild:create', child(event.id, 'CYP-C', { notes: 'DOB 04/03/2015' }));
    expect(!dob.ok && dob.error.message).toMatch(/date of birth/);
    expect(await t.api.call('trackedChild:list', { eventId: event.id })).toEqual([]);

    const ok = await t.api.call('trackedChild:create', child(event.id, 'TC-2026-01', { notes: 'Documents sent 24/11/2026.' }));
    const edit = await t.api.result('trackedChild:update', { id: ok.child.id, notes: 'Mum is Sarah Jones' });
    expect(!edit.ok && edit.error.issues?.[0]?.path).toBe('notes');
    expect((await t.api.call('trackedChild:list', { eventId: event.id }))[0]!.notes).toBe('Documents sent 24/11/2026.');
  });

  it('refuses the same pseudonym twice in one inspection', async () => {
    t = makeTestWorkbook();
    const event = await makeEvent(t);
    await t.api.call('trackedChild:create', child(event.id, 'CYP-A'));
    const again = await t.api.result('trackedChild:create', child(event.id, 'cyp-a'));
    expect(!again.ok && again.error.message).toMatch(/already used/);
  });

  it('explains a meeting on a bank holiday and links evidence; delete goes to the bin', async () => {
    t = makeTestWorkbook();
    const event = await makeEvent(t);
    const saved = await t.api.call('trackedChild:create', child(event.id, 'CYP-D', { meetingOn: '2026-12-25', settingType: 'out_of_area', senStatus: 'sen_support' }));
    expect(saved.warnings).toContain('Tracking meeting: 25/12/2026 is a bank holiday (Christmas Day): the next working day is 29/12/2026.');
    expect(saved.child.meetingOn).toBe('2026-12-25');
    const ev = await t.api.call('evidence:create', { title: 'Annual review paperwork', kind: 'document', level: 'activity', containsPersonalData: true });
    const linked = await t.api.call('trackedChild:link', { id: saved.child.id, evidenceId: ev.id });
    expect(linked.evidence.map((e) => e.id)).toEqual([ev.id]);
    const timeline = await t.api.call('week:notify', { eventId: event.id, notifiedOn: '2026-11-16' });
    expect(timeline.entries.find((e) => e.key === 'tracking_documents_due')?.date).toBe(saved.child.documentsDueOn);
    const gone = await t.api.call('trackedChild:delete', { id: saved.child.id });
    expect(gone.label).toBe('Tracked child CYP-D');
    await t.api.call('bin:restore', { binEntryId: gone.binEntryId });
    expect((await t.api.call('trackedChild:list', { eventId: event.id }))[0]!.evidence).toHaveLength(1);
  });
});

describe('case sampling', () => {
  it('records samples requested and supplied', async () => {
    t = makeTestWorkbook();
    const event = await makeEvent(t);
    const theme = await t.api.call('caseTheme:create', { eventId: event.id, theme: 'Quality of EHC plans', samplesRequested: 5, samplesSupplied: 2 });
    expect(theme.progress).toBe('2 of 5 supplied; 3 still to send.');
    const done = await t.api.call('caseTheme:update', { id: theme.id, samplesSupplied: 5 });
    expect(done.progress).toBe('All 5 supplied.');
    const negative = await t.api.result('caseTheme:update', { id: theme.id, samplesSupplied: -1 });
    expect(!negative.ok && negative.error.message).toBe('Samples supplied cannot be negative.');
  });
});

describe('requests log', () => {
  it('refuses a due time before the time received, and orders the outstanding view by urgency', async () => {
    t = makeTestWorkbook({ now: '2026-11-18T12:00:00Z' });
    const event = await makeEvent(t);
    const bad = await t.api.result('inspectorRequest:create', { eventId: event.id, request: 'x', receivedAt: '2026-11-18T10:00', dueAt: '2026-11-18T09:00' });
    expect(!bad.ok && bad.error.message).toMatch(/before the time it was received/);
    const mk = (request: string, receivedAt: string, dueAt: string | null) => t.api.call('inspectorRequest:create', { eventId: event.id, request, receivedAt, dueAt });
    await mk('later', '2026-11-18T09:00', '2026-11-19T12:00');
    await mk('overdue yesterday', '2026-11-17T09:00', '2026-11-17T17:00');
    await mk('due earlier today', '2026-11-18T08:00', '2026-11-18T11:00');
    await mk('due this afternoon', '2026-11-18T09:30', '2026-11-18T15:00');
    await mk('no due time', '2026-11-18T09:45', null);
    const view = await t.api.call('week:outstanding', { eventId: event.id });
    expect(view.requests.map((r) => [r.request, r.urgency])).toEqual([
      ['overdue yesterday', 'overdue'],
      ['due earlier today', 'overdue'],
      ['due this afternoon', 'due_today'],
      ['later', 'due_later'],
      ['no due time', 'no_due_date'],
    ]);
    expect(view.counts).toMatchObject({ requestsOutstanding: 5, requestsOverdue: 2 });
  });
});
