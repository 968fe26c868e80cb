// Spike #18, design C: a flat map of "<global id>.<field>" -> value holding only fields changed since
// the copies' common baseline. Concurrent sets of one key are kept as a conflict; different fields never collide.
import * as A from '@automerge/automerge';
import { randomUUID } from 'node:crypto';
const ids = Array.from({ length: 5000 }, () => randomUUID());
const mb = (n)=> (n/1048576).toFixed(2);
const base = A.from({ f: {} });
function edits(doc, who, picks, field = 'title') { return A.change(doc, d => { for (const id of picks) d.f[`${id}.${field}`] = `${who} ${Math.random()}`; }); }
const t0 = performance.now();
let a = A.clone(base, { actor: '0a'.repeat(16) }), b = A.clone(base, { actor: '0b'.repeat(16) });
a = edits(a, 'A', [...ids.slice(0, 50), ...ids.slice(100, 550)]);
b = edits(b, 'B', [...ids.slice(0, 50), ...ids.slice(1000, 1450)]);
b = edits(b, 'B', ids.slice(0, 50), 'how'); // other field of the same records: must merge cleanly
const tEdit = performance.now() - t0;
const t1 = performance.now(); const m = A.merge(a, b); const tMerge = performance.now() - t1;
const conflicts = ids.slice(0, 50).filter(id => Object.keys(A.getConflicts(m.f, `${id}.title`) ?? {}).length > 1).length;
const howKept = ids.slice(0, 50).filter(id => typeof m.f[`${id}.how`] === 'string').length;
const bin = A.save(m); const t2 = performance.now(); A.load(bin); const tLoad = performance.now() - t2;
let big = m; for (let i = 0; i < 20; i++) big = edits(big, `w${i}`, ids.slice(i * 200, i * 200 + 500), 'what');
const bigBin = A.save(big); const t3 = performance.now(); A.load(bigBin); const tLoadBig = performance.now() - t3;
// sync of 50 edits as changes since the other copy's heads
const heads = A.getHeads(big); const c50 = edits(big, 'S', ids.slice(0, 50), 'lead'); const t4 = performance.now(); const ch = A.getChanges(big, c50); A.applyChanges(A.clone(big), ch); const t50 = performance.now() - t4;
console.log(JSON.stringify({ editMs: Math.round(tEdit), mergeMs: Math.round(tMerge), conflictsKeptOf50: conflicts, otherFieldKeptOf50: howKept, savedKB: Math.round(bin.length / 1024), loadMs: Math.round(tLoad), after11kEditsKB: Math.round(bigBin.length / 1024), loadAfterMs: Math.round(tLoadBig), apply50Ms: Math.round(t50), changeBytes50: ch.reduce((s, c) => s + c.length, 0), heads: heads.length, peakRssMB: mb(process.resourceUsage().maxRSS * 1024) }, null, 1));
