/**
 * Fenced folders (issue #12): every import in renderer/, electron/ and db/ is checked against the
 * allow-list in scripts/layers.mjs (the lint rule uses the same list), so a new cross-layer
 * import fails here with the file and the import named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script without type declarations
import { importProblem, isFenced } from '../../scripts/layers.mjs';

const ROOT = path.join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(rel);
    return isFenced(rel) ? [rel] : [];
  });
}

/** Every module specifier a file names: import/export … from, side-effect imports, import(), require(). */
export function specifiersOf(text: string): string[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\s+(?:type\s+)?[\w*\s{},$]*?\s*from\s*['"]([^'"]+)['"]/gm,
    /^\s*import\s*['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of withoutComments.matchAll(re)) found.push(m[1]!);
  return found;
}

/**
 * Crossings known when the fence went up, each owned by someone moving it out. An entry that no
 * longer crosses fails too, so this list can only shrink.
 */
const BEING_MOVED: Record<string, string> = {};

it('no file imports across a layer fence', () => {
  const crossings = ['renderer', 'electron', 'db']
    .flatMap(sourceFiles)
    .flatMap((file) => specifiersOf(readFileSync(path.join(ROOT, file), 'utf8')).map((spec) => ({ file, spec, why: importProblem(file, spec) as string | null })))
    .filter((p) => p.why !== null)
    .map((p) => ({ key: `${p.file} imports '${p.spec}'`, why: p.why }));
  const problems = crossings.filter((c) => !(c.key in BEING_MOVED)).map((c) => `${c.key}: ${c.why}`);
  expect(problems, `Cross-layer imports:\n${problems.join('\n')}`).toEqual([]);
  const gone = Object.keys(BEING_MOVED).filter((key) => !crossings.some((c) => c.key === key));
  expect(gone, 'These crossings are gone: remove them from BEING_MOVED').toEqual([]);
});

it('the fence refuses what the architecture forbids', () => {
  const refused: [string, string][] = [
    ['renderer/screens/week/week-screen.tsx', '../../../electron/core/inspection-week/timeline'],
    ['renderer/app/app.tsx', '../../electron/files/file-store'],
    ['renderer/app/app.tsx', '../../db/schema'],
    ['renderer/app/app.tsx', '../../electron/desktop/support/trusted-url'],
    ['renderer/app/app.tsx', 'node:fs'],
    ['renderer/app/app.tsx', 'better-sqlite3'],
    ['renderer/app/app.tsx', 'electron'],
    ['renderer/app/app.tsx', 'exceljs'],
    ['electron/contract/channels.ts', '../core/services/plan-service'],
    ['electron/contract/channels.ts', 'drizzle-orm'],
    ['electron/contract/channels.ts', 'node:path'],
    ['electron/core/services/plan-service.ts', '../../desktop/support/trusted-url'],
    ['electron/core/services/plan-service.ts', '../../transports/cli/run-cli'],
    ['electron/core/services/plan-service.ts', '../../../renderer/app/app'],
    ['electron/core/services/plan-service.ts', 'electron'],
    ['electron/core/safety/backup-now.ts', '../api/workbook-session'],
    ['electron/transports/serve/start-server.ts', '../../desktop/support/protocol-path'],
    ['electron/desktop/support/workbook-host.ts', 'electron'],
    ['db/open-workbook.ts', '../electron/core/services/entity-store'],
  ];
  for (const [from, spec] of refused) expect(importProblem(from, spec), `${from} -> ${spec}`).toEqual(expect.any(String));
  const allowed: [string, string][] = [
    ['renderer/app/app.tsx', '../../electron/contract/channels'],
    ['renderer/app/app.tsx', '@fluentui/react-components'],
    ['electron/contract/channels.ts', 'zod'],
    ['electron/core/services/plan-service.ts', '../../../db/schema'],
    ['electron/core/host/workbook-host.ts', '../api/dispatch'],
    ['electron/transports/cli/cli-host.ts', '../../core/api/dispatch'],
    ['electron/desktop/main.ts', 'electron'],
    ['electron/desktop/files.main.ts', 'electron'],
  ];
  for (const [from, spec] of allowed) expect(importProblem(from, spec), `${from} -> ${spec}`).toBeNull();
});

it('reads every form of import, and not ones in comments', () => {
  const text = [
    "import a from './a';",
    "import type { B } from '../b';",
    "import {\n  c,\n  d,\n} from './cd';",
    "export { e } from './e';",
    "export * from './f';",
    "import './side-effect';",
    "const g = await import('./g');",
    "const h = require('./h');",
    "// import x from './commented';",
    "/* import y from './block'; */",
  ].join('\n');
  expect(specifiersOf(text).sort()).toEqual(['../b', './a', './cd', './e', './f', './g', './h', './side-effect']);
});
