/**
 * The flow officers follow when the call comes, through dispatch exactly as the app calls it:
 * notification → timeline → information request → a request logged, answered with evidence →
 * daily summary → evidence pack.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';
import { makeEvent, storeFile } from './fixtures';

let t: TestWorkbook;
afterEach(() => t?.cleanup());

describe('inspection week, end to end through dispatch', () => {
  it('lays out the timeline, tracks a request to its answer and exports the pack', async () => {
    // Monday 16/11/2026, mid-morning.
    t = makeTestWorkbook({ now: '2026-11-16T10:00:00Z' });
    const { api } = t;
    const event = await makeEvent(t);

    const timeline = await api.call('week:notify', { eventId: event.id, notifiedOn: '2026-11-16' });
    const date = (key: string) => timeline.entries.find((e) => e.key === key)?.date;
    expect(date('notified')).toBe('2026-11-16');
    expect(date('information_request_due')).toBe('2026-11-20');
    expect(date('fieldwork_start')).toBe('2026-11-26');
    expect(date('onsite_start')).toBe('2026-11-30');
    expect(date('onsite_end')).toBe('2026-12-04');
    expect(date('final_feedback')).toBe('2026-12-04');
    expect(timeline.position).toBe('Working day 0 since notification: 10 working days until inspectors are on site on 30/11/2026.');
    expect(timeline.next?.key).toBe('notified');
    const stored = await api.call('event:get', { id: event.id });
    expect([stored.fieldworkStartOn, stored.onsiteStartOn, stored.onsiteEndOn]).toEqual(['2026-11-26', '2026-11-30', '2026-12-04']);

    // Two days later the position and "next" move with the clock.
    t.setNow('2026-11-18T09:00:00Z');
    const later = await api.call('week:timeline', { eventId: event.id });
    expect(later.position).toMatch(/^Working day 2 since notification: 8 working days until/);
    expect(later.next).toMatchObject({ key: 'information_request_due', state: 'next' });

    const seeded = await api.call('infoRequest:seed', { eventId: event.id });
    expect(seeded.created).toBeGreaterThan(10);
    expect(seeded.items.every((i) => i.dueOn === '2026-11-20')).toBe(true);
    expect((await api.call('infoRequest:seed', { eventId: event.id })).created).toBe(0);

    const owner = await api.call('person:create', { name: 'Head of SEND', role: 'Nominated officer' });
    const evidence = await api.call('evidence:create', {
      title: 'EHC plan timeliness dashboard, October 2026',
      kind: 'data_report',
      level: 'output',
      summary: '61% of plans issued within 20 weeks.',
      effectiveFrom: '2026-10-01',
    });
    storeFile(t, evidence.id, 'timeliness.csv', 'month,within20\n2026-10,61\n');

    const logged = await api.call('inspectorRequest:create', {
      eventId: event.id,
      receivedAt: '2026-11-18T09:15',
      fromWhom: 'HMI (lead inspector)',
      request: 'Latest EHC plan timeliness data by month',
      dueAt: '2026-11-18T16:00',
      ownerPersonId: owner.id,
    });
    expect(logged).toMatchObject({ reference: 'R-01', status: 'open', ownerName: 'Head of SEND', answeredAt: null });

    const open = await api.call('week:outstanding', { eventId: event.id });
    expect(open.requests.map((r) => [r.reference, r.urgency])).toEqual([['R-01', 'due_today']]);
    expect(open.counts.infoOutstanding).toBe(seeded.created);

    t.setNow('2026-11-18T14:30:00Z');
    const answered = await api.call('inspectorRequest:answer', {
      id: logged.id,
      response: 'Dashboard supplied, with the monthly series since April.',
      evidenceIds: [evidence.id],
    });
    expect(answered).toMatchObject({ status: 'answered', answeredAt: '2026-11-18T14:30' });
    expect(answered.evidence.map((e) => e.reference)).toEqual([evidence.reference]);

    const after = await api.call('week:outstanding', { eventId: event.id });
    expect(after.requests).toEqual([]);
    expect(after.answeredToday.map((r) => r.reference)).toEqual(['R-01']);

    // Every change is in the audit log, including the link.
    const history = await api.call('history:get', { entity: 'inspectorRequest', id: logged.id });
    expect(history.items.map((h) => h.operation)).toEqual(expect.arrayContaining(['create', 'link', 'update']));

    const summary = await api.call('week:dailySummary', { eventId: event.id });
    expect(summary.fileName).toBe('Inspection daily summary 2026-11-18.docx');
    const docx = unzipSync(Buffer.from(summary.base64, 'base64'));
    const header = Object.entries(docx).find(([name]) => /^word\/header\d*\.xml$/.test(name));
    expect(header && strFromU8(header[1])).toContain('OFFICIAL-SENSITIVE');
    const body = strFromU8(docx['word/document.xml']!);
    expect(body).toContain('Wednesday 18/11/2026');
    expect(body).toContain('R-01');

    const pack = await api.call('pack:build', { forPublication: false });
    const zip = unzipSync(Buffer.from(pack.base64, 'base64'));
    expect(Object.keys(zip).sort()).toEqual(['files/E-001/timeliness.csv', 'index.html']);
    expect(strFromU8(zip['files/E-001/timeliness.csv']!)).toBe('month,within20\n2026-10,61\n');
    const index = strFromU8(zip['index.html']!);
    expect(index).toContain('Latest EHC plan timeliness data by month');
    expect(index).toContain('href="files/E-001/timeliness.csv"');
    expect(await api.call('pack:progress', {})).toMatchObject({ running: false, stage: 'Done', done: 1, total: 1 });
  });

  it('refuses a notification date on a weekend or bank holiday, with the reason', async () => {
    t = makeTestWorkbook();
    const event = await makeEvent(t);
    const sunday = await t.api.result('week:notify', { eventId: event.id, notifiedOn: '2026-11-22' });
    expect(sunday.ok).toBe(false);
    if (!sunday.ok) expect(sunday.error.message).toBe('22/11/2026 is a Sunday: the next working day is 23/11/2026. Inspectors notify on working days: check the date of the call.');
    const boxing = await t.api.result('week:notify', { eventId: event.id, notifiedOn: '2026-12-28' });
    expect(!boxing.ok && boxing.error.message).toMatch(/bank holiday \(Boxing Day\)/);
    expect((await t.api.call('event:get', { id: event.id })).notifiedOn).toBeNull();
  });

  it('counts the timeline across Christmas under the area SEND framework', async () => {
    t = makeTestWorkbook({ now: '2026-12-17T09:00:00Z' });
    const event = await makeEvent(t);
    const tl = await t.api.call('week:notify', { eventId: event.id, notifiedOn: '2026-12-17' });
    // Thu 17/12 + 10 working days: 18, 21–24, 29–31 December, 4 and 5 January (25/12, 28/12 and 1/1 are bank holidays).
    expect(tl.entries.find((e) => e.key === 'onsite_start')?.date).toBe('2027-01-05');
    expect(tl.entries.find((e) => e.key === 'information_request_due')?.date).toBe('2026-12-23');
  });

  it('uses 5 working days’ notice under the 2016 framework, with no tracking stage', async () => {
    t = makeTestWorkbook({ now: '2019-06-03T09:00:00Z' });
    const event = await makeEvent(t, 'joint-2016');
    const tl = await t.api.call('week:notify', { eventId: event.id, notifiedOn: '2019-06-03' });
    expect(tl.entries.find((e) => e.key === 'onsite_start')?.date).toBe('2019-06-10');
    expect(tl.entries.some((e) => e.key === 'tracking_documents_due')).toBe(false);
  });

  it('keeps the daily summary to one page on a busy day, counting what it leaves off', async () => {
    t = makeTestWorkbook({ now: '2026-11-25T08:00:00Z' });
    const event = await makeEvent(t);
    for (let i = 1; i <= 20; i++) {
      await t.api.call('inspectorRequest:create', { eventId: event.id, request: `Request number ${i}`, receivedAt: '2026-11-25T07:30', dueAt: '2026-11-25T17:00' });
    }
    const summary = await t.api.call('week:dailySummary', { eventId: event.id, on: '2026-11-25' });
    const body = strFromU8(unzipSync(Buffer.from(summary.base64, 'base64'))['word/document.xml']!);
    expect(body).toContain('Request number 12');
    expect(body).not.toContain('Request number 13');
    expect(body).toContain('…and 8 more requests: see the workbook.');
  });

  it('explains due dates that fall on a weekend without moving them', async () => {
    t = makeTestWorkbook();
    const event = await makeEvent(t);
    const item = await t.api.call('infoRequest:create', { eventId: event.id, item: 'Local offer usage', dueOn: '2026-11-22' });
    expect(item.dueOn).toBe('2026-11-22');
    expect(item.dueNote).toBe('22/11/2026 is a Sunday: the next working day is 23/11/2026.');
  });
});
