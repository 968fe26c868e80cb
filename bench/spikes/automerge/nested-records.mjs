// Spike #18, design B: the Automerge document holds only records changed since the copies' common
// baseline (keyed by global id, whole current row of each touched record), not a mirror of the workbook.
import * as A from '@automerge/automerge';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
const db = new Database(process.argv[2], { readonly: true });
const rows = db.prepare('select * from actions').all().concat(db.prepare('select * from milestones limit 2000').all());
const ids = rows.map(r => [randomUUID(), r]);
const mb = (n)=> (n/1048576).toFixed(2);
let base = A.from({ records: {} });
const t0 = performance.now();
function edits(doc, who, picks) { return A.change(doc, d => { for (const [id, r] of picks) { d.records[id] ??= { ...r }; d.records[id].title = `${who} ${Math.random()}`; } }); }
let a = A.clone(base, { actor: '0a'.repeat(16) }), b = A.clone(base, { actor: '0b'.repeat(16) });
a = edits(a, 'A', [...ids.slice(0, 50), ...ids.slice(100, 550)]);
b = edits(b, 'B', [...ids.slice(0, 50), ...ids.slice(1000, 1450)]);
const tEdit = performance.now() - t0;
const t1 = performance.now(); const m = A.merge(a, b); const tMerge = performance.now() - t1;
const bin = A.save(m); const t2 = performance.now(); A.load(bin); const tLoad = performance.now() - t2;
// a week of work: 20 copies x 500 edits folded in
let big = m; for (let i = 0; i < 20; i++) big = A.change(big, d => { for (const [id, r] of ids.slice(i*100, i*100+500)) { d.records[id] ??= { ...r }; d.records[id].what = `w${i} ${Math.random()}`; } });
const bigBin = A.save(big); const t3 = performance.now(); A.load(bigBin); const tLoadBig = performance.now() - t3;
console.log(JSON.stringify({ editMs: Math.round(tEdit), mergeMs: Math.round(tMerge), savedMB: mb(bin.length), loadMs: Math.round(tLoad), after10kEditsMB: mb(bigBin.length), loadAfter10kMs: Math.round(tLoadBig), conflictsOnShared: ids.slice(0,50).filter(([id]) => Object.keys(A.getConflicts(m.records[id], 'title') ?? {}).length > 1).length, peakRssMB: mb(process.resourceUsage().maxRSS*1024) }, null, 1));
