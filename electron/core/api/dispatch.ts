/**
 * The single entry point for every transport: validate with the channel's zod schema before any
 * service code runs, run mutations in one transaction, and answer with a Result whose error
 * message a person can act on. No stack trace ever crosses this boundary.
 *
 * Answers are checked against the channel's output schema too, so contract drift (a service
 * returning a field the screens do not expect, or missing one they do) shows where it starts:
 *   - on in development and tests: `npm start`, `npm run serve` from the source tree, vitest
 *     (NODE_ENV=test) and every dispatcher whose caller does not say otherwise;
 *   - off in production: a build made with --production (NODE_ENV=production is compiled into the
 *     bundle), the packaged desktop app (main.ts sets EVIDENCE_WORKBOOK_CHECK_OUTPUTS=0 for its
 *     host), and the command line in normal use (an officer's tool: its answers are typed at the
 *     client, and a check there would only stop work the officer asked for);
 *   - EVIDENCE_WORKBOOK_CHECK_OUTPUTS=1 or 0 overrides all of these (say, to check a CLI run);
 *   - a caller may still pass `validateOutput` explicitly (the test helpers pass true).
 * The rule is checkOutputsByDefault (output-checks.ts). An answer outside the contract is logged
 * for the developer with every field that failed, and the caller gets an `internal` error in
 * plain words. A command's answer is checked inside its transaction, so a failed check undoes the
 * change and "nothing was changed" stays true.
 */
import { z } from 'zod';
import { contract, isChannelName } from '../../contract/channels';
import type { ApiError, FieldIssue, Result } from '../../contract/define';
import { busyMessage, damagedMessage } from '../../../db/open-workbook';
import { backupNow } from '../safety/backup-now';
import { ServiceError } from '../services/service-error';
import { handlers } from './handlers';
import { checkOutputsByDefault } from './output-checks';
import type { WorkbookSession } from './workbook-session';

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /**
   * Check outputs against the contract: a mismatch is a bug, logged and reported as internal.
   * Unset: checkOutputsByDefault() (on in development and tests, off in production; see above).
   */
  validateOutput?: boolean;
  /** Where unexpected errors are logged (never sent to the caller). */
  logError?: (channel: string, error: unknown) => void;
}

// zod's own wording ("Invalid input: expected string, received undefined"), left where a schema
// gives no message of its own: never shown to an officer as it is.
const ZOD_DEFAULT_MESSAGE = /^(Invalid input|Invalid option|Invalid (string|number|type|date|union|value)|Too small|Too big|Expected )/;

function fieldWords(path: PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === 'string') ?? '';
  return String(last)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `This request has a field the app does not recognise (${issue.keys.join(', ')}).`;
  }
  if (issue.path.length === 0 && (issue.code === 'invalid_type' || ZOD_DEFAULT_MESSAGE.test(issue.message))) {
    return 'The request was not in the form the app expects.';
  }
  if (ZOD_DEFAULT_MESSAGE.test(issue.message)) {
    const field = fieldWords(issue.path);
    return field ? `The “${field}” given is missing or not in the form the app expects.` : 'Part of the request is missing or not in the form the app expects.';
  }
  return issue.message;
}

/** A form shows at most this many problems; a hostile 10,000-item list must not echo 10,000 back. */
export const MAX_ISSUES = 50;

export function validationError(error: z.ZodError): ApiError {
  const all = error.issues;
  const issues: FieldIssue[] = all.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.map(String).join('.').slice(0, 200), message: issueMessage(i).slice(0, 500) }));
  const first = issues[0]?.message ?? 'Check what you entered.';
  return {
    code: 'invalid_input',
    message: all.length === 1 ? first : `${first} (and ${all.length - 1} more thing${all.length > 2 ? 's' : ''} to check)`,
    issues,
  };
}

function sqliteError(e: { code?: string }, file: string): ApiError | null {
  const code = e.code ?? '';
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: 'That change clashes with another record (for example the same period entered twice). Nothing was changed.' };
  }
  if (code === 'SQLITE_FULL') return { code: 'internal', message: 'The disk is full, so the change was not saved. Free some space and try again; nothing already saved was lost.' };
  if (code === 'SQLITE_READONLY') return { code: 'read_only', message: 'This workbook is read-only, so changes cannot be saved.' };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return { code: 'conflict', message: busyMessage(file) };
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return { code: 'read_only', message: damagedMessage(file) };
  return null;
}

function toApiError(e: unknown, file: string): ApiError | null {
  if (e instanceof ServiceError) return { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) };
  if (e && typeof e === 'object' && 'code' in e) return sqliteError(e as { code?: string }, file);
  return null;
}

/** The most failing fields a log entry lists (a list of 10,000 bad rows must not flood the log). */
const MAX_LOGGED_ISSUES = 20;

/** A handler answered with something its channel's output schema does not allow: a bug in the app. */
export class OutputOutsideContract extends Error {
  constructor(channel: string, error: z.ZodError) {
    const shown = new z.ZodError(error.issues.slice(0, MAX_LOGGED_ISSUES));
    const more = error.issues.length - shown.issues.length;
    super(
      `${channel} answered with something its contract (electron/contract) does not allow. Fix the handler or the channel's output schema:\n` +
        z.prettifyError(shown) +
        (more > 0 ? `\n(and ${more} more)` : ''),
    );
    this.name = 'OutputOutsideContract';
  }
}

const OUTPUT_UNCHECKED = 'The app made an answer it could not check, so nothing was changed. This is a fault in the app: report it with the time it happened.';
const OUTPUT_UNCHECKED_AFTER_STEPS =
  'The work was done, but the app made an answer it could not check, so this screen may not show it correctly. This is a fault in the app: report it with the time it happened.';

export function createDispatcher(session: WorkbookSession, options: DispatchOptions = {}): Dispatch {
  const log = options.logError ?? ((channel, error) => console.error(`[dispatch] ${channel} failed:`, error));
  const checkOutputs = options.validateOutput ?? checkOutputsByDefault();
  return async (channel, rawInput) => {
    if (!isChannelName(channel)) {
      return { ok: false, error: { code: 'unknown_channel', message: 'The app asked for something it does not offer. Restart the app; if it happens again, report it.' } };
    }
    const def = contract[channel];
    const parsed = def.input.safeParse(rawInput === undefined ? {} : rawInput);
    if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
    const ctx = session.context();
    if (!ctx) return { ok: false, error: { code: 'no_workbook', message: 'No workbook is open. Open or create a workbook first.' } };
    if (def.mutates && ctx.workbook.readOnly) {
      return { ok: false, error: { code: 'read_only', message: 'This workbook is open read-only, so changes cannot be saved. Save a copy to work on it.' } };
    }
    const handler = handlers[channel] as (c: typeof ctx, input: unknown) => unknown;
    const checked = (out: unknown): unknown => {
      if (checkOutputs) {
        const result = def.output.safeParse(out);
        if (!result.success) throw new OutputOutsideContract(channel, result.error);
      }
      return out;
    };
    try {
      let value: unknown;
      if (def.backupFirst) {
        // Before the transaction, in steps that yield to other requests: the copy is the workbook
        // as it was before this command. If it cannot be made, the command does not run.
        await backupNow(ctx.workbook, def.backupFirst, ctx.now());
      }
      if (def.mutates && !def.writesInSteps) {
        // BEGIN IMMEDIATE: the write lock is taken (waiting up to busy_timeout for another program)
        // before anything is read, so a writer elsewhere cannot make it fail half-way (issue #14).
        // The answer is checked inside, so an answer outside the contract undoes the change.
        value = ctx.workbook.sqlite
          .transaction(() => {
            const out = handler(ctx, parsed.data);
            if (out instanceof Promise) throw new Error(`Mutating channel ${channel} must be synchronous to stay in one transaction.`);
            return checked(out);
          })
          .immediate();
      } else {
        // Queries, and commands whose writes are each complete in themselves (writesInSteps).
        value = checked(await handler(ctx, parsed.data));
      }
      return { ok: true, value };
    } catch (e) {
      if (e instanceof OutputOutsideContract) {
        log(channel, e);
        return { ok: false, error: { code: 'internal', message: def.writesInSteps ? OUTPUT_UNCHECKED_AFTER_STEPS : OUTPUT_UNCHECKED } };
      }
      const known = toApiError(e, ctx.workbook.path);
      if (known) return { ok: false, error: known };
      log(channel, e);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong and nothing was changed. Try again; if it keeps happening, report it with the time it happened.' } };
    }
  };
}
