// Starts the workbook host worker from the TypeScript sources (tests, serve, the benchmark,
// development): a worker thread does not inherit the tsx loader of the thread that started it.
// Bundled builds point EVIDENCE_WORKBOOK_HOST_WORKER at dist-electron/workbook-host.mjs instead.
import { register } from 'tsx/esm/api';

register();
await import('./host-entry.ts');
