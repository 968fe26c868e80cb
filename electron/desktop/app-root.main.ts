/**
 * Imported FIRST by main.ts: db/app-root.ts finds db/migrations and resources/ through this
 * variable, because a bundled main has no meaningful module URL. ES module evaluation follows
 * import order, so nothing reads migrations or reference data before it is set.
 */
import path from 'node:path';
import { app } from 'electron';

process.env.EVIDENCE_WORKBOOK_ROOT = app.getAppPath();

// The files engineer's text extractor runs in a worker thread from this bundled script (the
// TypeScript bootstrap it uses under Node needs tsx). Packaged, it is unpacked from the asar so
// the worker and pdfjs-dist load from real files.
process.env.EVIDENCE_WORKBOOK_TEXT_WORKER = path.join(__dirname, 'text-worker.mjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
