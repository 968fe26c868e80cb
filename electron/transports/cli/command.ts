/** A CLI command. Groups of commands live in ./commands/ so features add files, not edits. */
import type { ParseArgsConfig } from 'node:util';

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
  run(args: { values: CliValues; positionals: string[] }, io: CliIO): Promise<number>;
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
