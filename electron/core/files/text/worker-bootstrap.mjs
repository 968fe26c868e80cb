// Starts the text-extraction worker from the TypeScript sources (tests, CLI, serve, development):
// a worker thread does not inherit the tsx loader of the thread that started it. A packaged app
// points EVIDENCE_WORKBOOK_TEXT_WORKER at a bundled worker instead (see text-extractor.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker-entry.ts');
