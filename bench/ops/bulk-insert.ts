/**
 * Bulk insert through the services (validation, reference counter, audit chain, search index),
 * all in one transaction as an import runs, vs raw prepared INSERTs of the same rows in one
 * transaction. Runs on a scratch copy so the cached workbook stays as generated.
 */
import { contract } from '../../electron/contract/channels';
import type { ServiceContext } from '../../electron/core/services/context';
import { evidenceService } from '../../electron/core/services/evidence-service';
import { measure } from '../measure';
import { ok, ratioAtMost, type OpResult } from '../result';

export const BULK_ROWS = 1_000;

function rawRows(run: number) {
  return Array.from({ length: BULK_ROWS }, (_, i) => ({
    title: `Imported board paper ${run}-${i}: SEND and Inclusion Board, autumn term`,
    kind: 'board_paper',
    level: i % 3 === 0 ? 'impact' : 'output',
    summary: 'The board reviewed the timeliness of EHC needs assessments and agreed the recovery plan with the parent carer forum.',
    ownerPersonId: null,
    effectiveFrom: '2026-09-01',
    effectiveTo: '2026-12-31',
    addedOn: '2026-11-20',
    location: `https://wexcombe.sharepoint.com/sites/send/import/${run}-${i}.pdf`,
    containsPersonalData: false,
  }));
}

export async function benchBulkInsert(scratch: ServiceContext, runs: number): Promise<OpResult> {
  const sqlite = scratch.workbook.sqlite;
  const parse = contract['evidence:create'].input;
  let run = 0;
  const timing = await measure(
    () => {
      const rows = rawRows(run++);
      sqlite.transaction(() => {
        for (const row of rows) evidenceService.create(scratch, parse.parse(row));
      })();
    },
    { runs, warmup: 1 },
  );
  const insert = sqlite.prepare(
    `INSERT INTO evidence_items (reference, title, kind, level, summary, owner_person_id, effective_from, effective_to, added_on, location,
       contains_personal_data, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
  );
  const at = new Date().toISOString();
  const bare = await measure(
    () => {
      const r = run++;
      const rows = rawRows(r);
      sqlite.transaction(() => {
        rows.forEach((x, i) =>
          insert.run(`RAW-${r}-${i}`, x.title, x.kind, x.level, x.summary, x.ownerPersonId, x.effectiveFrom, x.effectiveTo, x.addedOn, x.location, 0, at, at),
        );
      })();
    },
    { runs, warmup: 1 },
  );
  const result = ok('write', `Bulk insert ${BULK_ROWS.toLocaleString('en-GB')} evidence items through the services, one transaction`, timing, {
    baseline: { name: 'raw prepared INSERTs, one transaction', timing: bare },
  });
  result.targets = [ratioAtMost(3, result.ratio!)];
  result.note = 'both include the search-index triggers; the services add validation, the reference counter and a hash-chained audit entry per row';
  return result;
}
