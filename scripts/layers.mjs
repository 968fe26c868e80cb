/**
 * The architecture as an allow-list (issue #12): which folders each layer may import, read by the
 * lint rule in eslint.config.js and by test/architecture/layers.test.ts, so they cannot disagree.
 *
 *   renderer/             -> renderer/, electron/contract/, and the browser packages below
 *   electron/contract/    -> electron/contract/ and zod (it is shared with the renderer)
 *   electron/core/        -> core, contract, db/, resources/ — never the shell, a transport, the renderer or `electron`
 *   electron/transports/  -> transports, core, contract, db/, resources/ — never the shell
 *   electron/desktop/     -> desktop, core, contract, db/, resources/; only main.ts, preload.ts and *.main.ts import `electron`
 *   db/                   -> db/, resources/
 * Inside the core, the API (core/api: dispatch, handlers, the session) sits above the services:
 * only the API itself and its clients (host, demo, synthetic) import it.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

/** Packages the renderer may use: they run in a browser. Add one here on purpose, not by accident. */
export const RENDERER_PACKAGES = ['react', 'react-dom', '@fluentui/react-components', '@fluentui/react-icons', '@tanstack/react-virtual', 'recharts', 'zod'];

const LAYERS = [
  { name: 'renderer', dir: 'renderer/', allow: ['renderer', 'contract'], packages: RENDERER_PACKAGES, node: false },
  { name: 'contract', dir: 'electron/contract/', allow: ['contract'], packages: ['zod'], node: false },
  { name: 'core', dir: 'electron/core/', allow: ['core', 'contract', 'db', 'resources'], packages: 'any', node: true },
  { name: 'transports', dir: 'electron/transports/', allow: ['transports', 'core', 'contract', 'db', 'resources'], packages: 'any', node: true },
  { name: 'desktop', dir: 'electron/desktop/', allow: ['desktop', 'core', 'contract', 'db', 'resources'], packages: 'any', node: true },
  { name: 'db', dir: 'db/', allow: ['db', 'resources'], packages: 'any', node: true },
];

const TARGETS = [...LAYERS.map((l) => ({ name: l.name, dir: l.dir })), { name: 'resources', dir: 'resources/' }];

/** Core folders that may import core/api (they are its clients, not what it is built on). */
const CORE_API_CLIENTS = ['electron/core/api/', 'electron/core/host/', 'electron/core/demo/', 'electron/core/synthetic/'];

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The layer of a project-relative path ("electron/core/x.ts"), or null outside the fenced folders. */
export function layerOf(relPath) {
  const rel = relPath.split(path.sep).join('/');
  return TARGETS.find((t) => rel.startsWith(t.dir))?.name ?? null;
}

/** Files the fence applies to. */
export function isFenced(relPath) {
  const rel = relPath.split(path.sep).join('/');
  return LAYERS.some((l) => rel.startsWith(l.dir)) && !rel.startsWith('db/migrations/') && /\.(ts|tsx|mts|mjs|js)$/.test(rel);
}

/** Only the Electron shell's entry points may import `electron`. */
function mayImportElectron(rel) {
  return /^electron\/desktop\/(main|preload|[^/]+\.main)\.ts$/.test(rel);
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Why `fromRel` (project-relative) may not import `spec`, or null when it may. Every import is
 * checked, type-only ones too: a type pulls in the module's meaning, and the renderer's bundle
 * must not reach for the backend's.
 */
export function importProblem(fromRel, spec) {
  const from = fromRel.split(path.sep).join('/');
  const layer = LAYERS.find((l) => from.startsWith(l.dir));
  if (!layer) return null;
  if (spec.startsWith('.') || spec.startsWith('/')) {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
    const to = layerOf(target);
    if (to === null) return `${layer.name} code may import only ${layer.allow.join(', ')}; ${spec} is outside every layer.`;
    if (!layer.allow.includes(to)) return `${layer.name} code may not import ${to} (${spec}); it may import only ${layer.allow.join(', ')}.`;
    if (to === 'core' && target.startsWith('electron/core/api/') && layer.name === 'core' && !CORE_API_CLIENTS.some((d) => from.startsWith(d))) {
      return `core/api sits above the services: ${path.posix.dirname(from)} may not import it (${spec}). Move what is needed below the API.`;
    }
    return null;
  }
  if (spec === 'electron' || spec.startsWith('electron/')) {
    return mayImportElectron(from) ? null : 'Only the Electron shell (electron/desktop/main.ts, preload.ts, *.main.ts) may import electron.';
  }
  if (NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(packageName(spec))) {
    return layer.node ? null : `${layer.name} code runs in a browser too: no Node modules (${spec}).`;
  }
  if (layer.packages === 'any') return null;
  return layer.packages.includes(packageName(spec)) ? null : `${layer.name} code may use only the packages ${layer.packages.join(', ')} (not ${spec}).`;
}
