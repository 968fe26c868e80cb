// Spike for issue #18: the size and speed of one Automerge document holding an L-scale workbook.
import Database from 'better-sqlite3';
import * as A from '@automerge/automerge';
import { randomUUID } from 'node:crypto';
import { writeFileSync, statSync } from 'node:fs';
const file = process.argv[2];
const db = new Database(file, { readonly: true });
const skip = new Set(['audit_log','bin_entries','deletions','evidence_files','file_chunks','__drizzle_migrations','workbook_info','sqlite_sequence']);
const tables = db.prepare("select name from sqlite_master where type='table' and name not like '%fts%' and name not like 'sqlite_%'").all().map(r=>r.name).filter(t=>!skip.has(t));
const mb = (n)=> (n/1048576).toFixed(1);
const t0 = performance.now();
let records = 0; const ids = [];
let doc = A.from({ records: {} });
for (const t of tables) {
  const rows = db.prepare(`select * from "${t}"`).all();
  doc = A.change(doc, (d) => {
    d.records[t] = {};
    for (const r of rows) { const id = randomUUID(); d.records[t][id] = r; ids.push([t,id,r]); records++; }
  });
}
const tBuild = performance.now()-t0;
const t1 = performance.now(); const bin = A.save(doc); const tSave = performance.now()-t1;
writeFileSync('/tmp/spike/L.automerge', bin);
const t2 = performance.now(); const loaded = A.load(bin); const tLoad = performance.now()-t2;
const rssAfterLoad = process.memoryUsage().rss;
// two copies, 500 edits each on text fields, 50 of them on the same fields
const textual = ids.filter(([,,r]) => Object.entries(r).some(([k,v]) => typeof v==='string' && v.length>5 && k!=='created_at'));
let a = A.clone(loaded, { actor: '0a'.repeat(16) }), b = A.clone(loaded, { actor: '0b'.repeat(16) });
function edit(copy, who, picks) { return A.change(copy, (d) => { for (const [t,id,r] of picks) { const k = Object.keys(r).find(k=>typeof r[k]==='string'&&r[k].length>5&&k!=='created_at'); d.records[t][id][k] = `${who} edit ${Math.random()}`; } }); }
const shared = textual.slice(0,50);
const t3 = performance.now();
a = edit(a, 'A', [...shared, ...textual.slice(100, 550)]);
b = edit(b, 'B', [...shared, ...textual.slice(1000, 1450)]);
const tEdit = performance.now()-t3;
const t4 = performance.now(); const changesB = A.getChanges(loaded, b); const merged = A.applyChanges(a, changesB)[0]; const tMerge = performance.now()-t4;
let conflicts = 0; for (const [t,id,r] of shared) { const k = Object.keys(r).find(k=>typeof r[k]==='string'&&r[k].length>5&&k!=='created_at'); const c = A.getConflicts(merged.records[t][id], k); if (c && Object.keys(c).length>1) conflicts++; }
const out = { tables: tables.length, records, workbookMB: mb(statSync(file).size), automergeMB: mb(bin.length), buildMs: Math.round(tBuild), saveMs: Math.round(tSave), loadMs: Math.round(tLoad), rssAfterLoadMB: mb(rssAfterLoad), editMs2x500: Math.round(tEdit), mergeMs: Math.round(tMerge), changesBytes: changesB.reduce((s,c)=>s+c.length,0), conflictsKept: conflicts, peakRssMB: mb(process.resourceUsage().maxRSS*1024) };
console.log(JSON.stringify(out, null, 1));
