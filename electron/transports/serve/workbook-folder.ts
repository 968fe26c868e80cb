/**
 * Browser mode without a workbook (issue #16): the Welcome screen lists, creates and opens
 * workbooks in ONE folder chosen when the server started. The page sends a file name, never a
 * path; it is validated (contract/workbook-folder.ts), resolved inside the folder, and refused if
 * it would leave it (a symbolic link included). Opening refuses a file the app could not use.
 */
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { WorkbookError } from '../../../db/open-workbook';
import type { Result } from '../../contract/define';
import { folderOps, WORKBOOK_EXTENSION, type FolderOpName, type FolderOpOutput } from '../../contract/workbook-folder';
import { validationError } from '../../core/api/dispatch';
import { assertUsableFile } from '../../core/imports/workbook/usable';
import { loadReferenceData } from '../../core/reference/load-reference';
import { ServiceError } from '../../core/services/service-error';

/** What the server does with a checked path inside the folder. */
export interface FolderHost {
  /** The open workbook's path, or null. */
  current(): string | null;
  /** Opens an existing workbook (refusing one the app could not use). */
  open(file: string): Promise<void>;
  /** Creates a new workbook (never overwriting) and opens it. */
  create(file: string, areaName: string, frameworkId: string): Promise<void>;
}

export interface WorkbookFolder {
  readonly dir: string;
  handle(op: FolderOpName, input: unknown): Promise<Result<unknown>>;
}

const refused = (code: 'not_allowed' | 'not_found' | 'conflict' | 'invalid_input', message: string): Result<never> => ({ ok: false, error: { code, message } });

/** The real folder, and a file name's path inside it; null when the name would leave the folder. */
export function resolveInFolder(dir: string, fileName: string): string | null {
  const full = path.resolve(dir, fileName);
  if (path.dirname(full) !== dir || path.basename(full) !== fileName) return null;
  try {
    // An existing entry must be a plain file, not a link to somewhere else.
    const stat = lstatSync(full);
    if (!stat.isFile()) return null;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return null;
  }
  return full;
}

export function createWorkbookFolder(folder: string, host: FolderHost, options: { suggestedName?: string | null } = {}): WorkbookFolder {
  const dir = realpathSync(path.resolve(folder));
  const reference = loadReferenceData();

  function list(): FolderOpOutput<'folder:list'> {
    const workbooks = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.toLowerCase().endsWith(WORKBOOK_EXTENSION) && !e.name.startsWith('.'))
      .map((e) => {
        const stat = lstatSync(path.join(dir, e.name));
        return { fileName: e.name, size: stat.size, modifiedAt: stat.mtime.toISOString() };
      })
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
    const current = host.current();
    return {
      folderName: dir,
      workbooks,
      current: current ? path.basename(current) : null,
      frameworks: reference.frameworks.filter((f) => f.effectiveTo === null).map((f) => ({ id: f.id, name: f.name })),
      suggestedName: options.suggestedName ?? null,
    };
  }

  async function run(op: FolderOpName, input: unknown): Promise<Result<unknown>> {
    const parsed = folderOps[op].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    if (op === 'folder:list') return { ok: true, value: list() };
    if (host.current()) return refused('conflict', 'A workbook is already open. Stop the server and start it again to open a different one.');
    const data = parsed.data as { fileName: string; areaName?: string; frameworkId?: string };
    const file = resolveInFolder(dir, data.fileName);
    if (!file) return refused('not_allowed', `“${data.fileName}” is not a workbook file in ${path.basename(dir)}.`);
    if (op === 'folder:open') {
      if (!list().workbooks.some((w) => w.fileName === data.fileName)) return refused('not_found', `There is no workbook called “${data.fileName}” in ${path.basename(dir)}.`);
      // Refused here, with the reason, rather than opened and then failing on the page.
      await assertUsableFile(file, reference);
      await host.open(file);
      return { ok: true, value: { fileName: data.fileName } };
    }
    const frameworkId = data.frameworkId || reference.frameworks.find((f) => f.effectiveTo === null)?.id || 'area-send-2025';
    if (!reference.frameworks.some((f) => f.id === frameworkId)) {
      return { ok: false, error: { code: 'invalid_input', message: 'Choose a framework from the list.', issues: [{ path: 'frameworkId', message: 'Choose a framework from the list.' }] } };
    }
    if (list().workbooks.some((w) => w.fileName.toLowerCase() === data.fileName.toLowerCase())) {
      return { ok: false, error: { code: 'conflict', message: `There is already a workbook called “${data.fileName}”. Choose another name, or open it instead.`, issues: [{ path: 'fileName', message: 'That name is taken.' }] } };
    }
    await host.create(file, data.areaName!, frameworkId);
    return { ok: true, value: { fileName: data.fileName } };
  }

  return {
    dir,
    async handle(op, input) {
      try {
        return await run(op, input);
      } catch (e) {
        if (e instanceof WorkbookError || e instanceof ServiceError) return refused(e.code === 'already_exists' ? 'conflict' : 'not_allowed', e.message);
        throw e;
      }
    },
  };
}
