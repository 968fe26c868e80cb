/** The Excel Summary's RAG table counts every action, even a RAG the plan's status key leaves out. */
import ExcelJS from 'exceljs';
import { makeTestWorkbook } from '../helpers/temp-workbook';

test('a complete (Blue) action is counted in its own row when the status key has no Blue, so the rows add up to the total', async () => {
  const t = makeTestWorkbook({ now: '2020-11-30T12:00:00Z' });
  try {
    const plan = await t.api.call('plan:create', { type: 'wsoa', title: 'Imported WSOA' });
    const p = await t.api.call('priority:create', { planId: plan.id, reference: '1', title: 'Accountability' });
    const rags = ['green', 'amber', 'blue'] as const;
    for (const [i, rag] of rags.entries()) {
      const a = await t.api.call('action:create', { priorityId: p.id, reference: `1.${i + 1}`, what: `Action ${i + 1}`, dueOn: '2021-03-31' });
      await t.api.call('progress:create', { actionId: a.id, reportedOn: '2020-11-20', status: rag === 'blue' ? 'complete' : 'on_track', rag });
    }
    const out = await t.api.call('export:planXlsx', { planId: plan.id });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ExcelJS.Buffer);
    const ws = book.getWorksheet('Summary')!;
    const rows: (string | number)[][] = [];
    ws.eachRow((r) => rows.push((r.values as (string | number)[]).slice(1)));
    const start = rows.findIndex((r) => r[0] === 'RAG of actions');
    const table = rows.slice(start + 2, rows.findIndex((r, i) => i > start && r[0] === 'Total') + 1);
    const counts = Object.fromEntries(table.map((r) => [r[0], r[1]]));
    expect(counts).toMatchObject({ Green: 1, Amber: 1, 'Blue (complete)': 1, Total: 3 });
    const sum = table.filter((r) => r[0] !== 'Total').reduce((n, r) => n + Number(r[1]), 0);
    expect(sum).toBe(3);
  } finally {
    t.cleanup();
  }
});
