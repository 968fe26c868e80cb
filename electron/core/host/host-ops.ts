/**
 * The workbook host's own channels, beside the contract's: opening, creating and closing the
 * workbook, a consistent copy, and the evidence-file work whose dialogs run in the Electron shell.
 * Only a transport sends these (never the renderer directly): paths are allowed here because they
 * were chosen in a main-process dialog or on the command line. Each is declared once with its zod
 * input; the host parses every input before acting, as dispatch does for the contract.
 */
import { z } from 'zod';
import { EVIDENCE_KINDS, EVIDENCE_LEVELS } from '../../contract/enums';
import { id } from '../../contract/fields';

const file = z.string().min(1).max(4096);

const backupSettings = {
  /** This workbook's backups folder (the desktop keeps them in app data); default beside it. */
  backupsDir: file.optional(),
  /** Rolling backups (on open, then every 15 minutes while there are changes). */
  scheduleBackups: z.boolean().optional(),
};

export const hostOps = {
  /** Opens a workbook file (the safety checks of safe-open) and makes it the open one. */
  'host:open': z.strictObject({ file, readOnly: z.boolean().optional(), ...backupSettings }),
  /** Creates a workbook at a new path (never overwrites) and opens it. */
  'host:create': z.strictObject({
    file,
    areaName: z.string().trim().min(1).max(200),
    frameworkId: z.string().regex(/^[a-z0-9-]{1,64}$/),
    ...backupSettings,
  }),
  /** Builds the demo workbook at `file` (not opened). */
  'host:buildDemo': z.strictObject({ file }),
  /** Closes the open workbook (its -wal is checkpointed) and stops its backups. */
  'host:close': z.strictObject({}),
  /** The open workbook's path and mode, or null. */
  'host:current': z.strictObject({}),
  /** A consistent copy of the open workbook at `target` (online backup API). */
  'host:saveCopy': z.strictObject({ target: file }),
  /** A stored evidence file's bytes (moved to the caller, not copied). */
  'host:readFile': z.strictObject({ fileId: id('File') }),
  /** Attaches files chosen in a dialog to an evidence item. */
  'host:attachFiles': z.strictObject({ evidenceId: id('Evidence item'), paths: z.array(file).min(1).max(10_000) }),
  /** Imports a folder chosen in a dialog; progress arrives as 'files:importProgress' events. */
  'host:importFolder': z.strictObject({ folder: file, kind: z.enum(EVIDENCE_KINDS).optional(), level: z.enum(EVIDENCE_LEVELS).optional() }),
  /** Stops the running folder import after the current file. */
  'host:cancelImport': z.strictObject({}),
  /** Resolves when any backup in progress has finished (tests, the benchmark, before closing). */
  'host:idle': z.strictObject({}),
} as const;

export type HostOpName = keyof typeof hostOps;
export type HostOpInput<N extends HostOpName> = z.input<(typeof hostOps)[N]>;

export const hostOpNames = Object.keys(hostOps) as HostOpName[];

export function isHostOp(name: unknown): name is HostOpName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(hostOps, name);
}

/** What `host:open`, `host:create` and `host:current` answer (the path stays with the transport). */
export interface HostWorkbook {
  path: string;
  fileName: string;
  readOnly: boolean;
}
