/**
 * Issue #14: the pseudonym guard runs on every path that writes pseudonymised text through
 * dispatch — tracked children, the request log and case-study evidence — not only the tracked
 * child form.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestWorkbook, type TestWorkbook } from '../helpers/temp-workbook';

let t: TestWorkbook;
let eventId: number;
beforeEach(async () => {
  t = makeTestWorkbook({ now: '2026-11-24T10:00:00Z' });
  eventId = (await t.api.call('event:create', { kind: 'full_inspection', frameworkId: 'area-send-2025', title: 'Area SEND inspection 2026' })).id;
});
afterEach(() => t.cleanup());

describe('the request log', () => {
  it('refuses an NHS number, a date of birth or a postcode in a request or a response, saying which field', async () => {
    for (const request of ['EHC plan for NHS 943.476.5919', 'Plan for the child born 2012/04/03', 'Family at BS1 5TH']) {
      const r = await t.api.result('inspectorRequest:create', { eventId, request, fromWhom: 'HMI Okafor' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/A request in the request log must not identify the child/);
    }
    const ok = await t.api.call('inspectorRequest:create', { eventId, request: 'Minutes of the SEND board, from Sam Patel', fromWhom: 'HMI Jo Reid' });
    const answer = await t.api.result('inspectorRequest:answer', { id: ok.id, response: 'Sent; mum on 07700 900123 can talk to you', evidenceIds: [], expectedVersion: ok.version });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.message).toMatch(/looks like a phone number/);
    const list = await t.api.call('inspectorRequest:list', { eventId });
    expect(list.map((r) => r.request)).toEqual(['Minutes of the SEND board, from Sam Patel']);
  });
});

describe('case-study evidence', () => {
  it('refuses a case study titled or summarised with a child’s name, but not other evidence', async () => {
    const named = await t.api.result('evidence:create', { title: 'Case study: Zoë Brown’s journey', kind: 'case_study', level: 'impact' });
    expect(named.ok).toBe(false);
    if (!named.ok) expect(named.error.message).toMatch(/The title of a case study must not identify the child/);
    const ok = await t.api.call('evidence:create', { title: 'Case study: CYP-A’s journey to post-16', kind: 'case_study', level: 'impact' });
    const renamed = await t.api.result('evidence:update', { id: ok.id, summary: 'J. Smith moved to a supported internship.', expectedVersion: ok.version });
    expect(renamed.ok).toBe(false);
    const minutes = await t.api.result('evidence:create', { title: 'SEND board minutes, chaired by Sam Patel', kind: 'minutes', level: 'activity' });
    expect(minutes.ok).toBe(true);
  });
});
