/** A CLI command. Groups of commands live in ./commands/ so features add files, not edits. */
import type { ParseArgsConfig } from 'node:util';
import type { CliHost } from './cli-host';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
}

export type CliValues = Record<string, string | boolean | string[] | boolean[] | undefined>;

export interface CliCommand {
  /** One or two words: "demo", "export sef". */
  name: string;
  summary: string;
  /** Shown on bad arguments, e.g. "workbook check --workbook FILE [--json]". */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Named options that must be given. */
  required?: string[];
  allowPositionals?: boolean;
  /**
   * Runs the command. `host` is its only way to a workbook: it opens or creates the file and hands
   * back a client over dispatch, so a command parses arguments, calls channels and prints.
   */
  run(args: { values: CliValues; positionals: string[] }, io: CliIO, host: CliHost): Promise<number>;
}

/** An error whose message is for the person at the terminal; exit code 1 (2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
