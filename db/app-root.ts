/**
 * Where the app's own files (db/migrations, resources/) are. Under Node (tests, CLI, serve) we walk
 * up from this module to package.json; the bundled Electron main sets EVIDENCE_WORKBOOK_ROOT
 * because a bundle has no meaningful module URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function appRoot(): string {
  if (process.env.EVIDENCE_WORKBOOK_ROOT) return process.env.EVIDENCE_WORKBOOK_ROOT;
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'evidence-workbook') {
      cached = dir;
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Evidence Workbook installation folder.');
    dir = parent;
  }
}

export function appVersion(): string {
  return (JSON.parse(readFileSync(path.join(appRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
