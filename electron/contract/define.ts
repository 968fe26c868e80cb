/**
 * One declaration per channel: name, zod input, zod output. The preload allowlist, the IPC
 * registration, the HTTP adapter and the renderer client are all derived from `contract`
 * (see channels.ts), so they cannot drift. Pure TypeScript + zod: safe for the renderer.
 */
import { z } from 'zod';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** Mutating channels run inside one write transaction and are refused on a read-only workbook. */
  readonly mutates: boolean;
  /**
   * A command that changes many records at once (an import) is preceded by a backup of the workbook
   * as it was: dispatch takes it with the online backup API in steps, before the transaction opens,
   * so the same channel backs up first whichever transport calls it (UI, browser mode or CLI).
   */
  readonly backupFirst?: 'before-import';
  /**
   * A command whose writes are many small ones made over time, each complete in itself (text read
   * from stored files, one file at a time, off the request): it is refused on a read-only workbook
   * like any command, but dispatch does not hold one transaction open around it, so its handler
   * may be asynchronous.
   */
  readonly writesInSteps?: true;
}

export function query<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): ChannelDef<I, O> {
  return { input, output, mutates: false };
}

export function command<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { backupFirst?: 'before-import'; writesInSteps?: true } = {},
): ChannelDef<I, O> {
  return {
    input,
    output,
    mutates: true,
    ...(options.backupFirst ? { backupFirst: options.backupFirst } : {}),
    ...(options.writesInSteps ? { writesInSteps: true as const } : {}),
  };
}

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'read_only'
  | 'not_allowed'
  | 'unknown_channel'
  | 'no_workbook'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "dueOn" or "statisticalNeighbours.2". */
  path: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  /** A sentence a council officer can act on. Never a stack trace. */
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const apiErrorSchema = z.object({
  code: z.enum(['invalid_input', 'not_found', 'conflict', 'read_only', 'not_allowed', 'unknown_channel', 'no_workbook', 'internal']),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
