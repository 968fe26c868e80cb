/**
 * Imported FIRST by main.ts: db/app-root.ts finds db/migrations and resources/ through this
 * variable, because a bundled main has no meaningful module URL. ES module evaluation follows
 * import order, so nothing reads migrations or reference data before it is set.
 */
import { app } from 'electron';

process.env.EVIDENCE_WORKBOOK_ROOT = app.getAppPath();
