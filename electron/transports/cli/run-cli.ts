/** Parses `workbook <command> [options]` and runs the command, returning the exit code. */
import { parseArgs } from 'node:util';
import type { CreateDispatch } from './cli-host';
import { CliError, type CliCommand, type CliIO } from './command';
import { coreCommands } from './commands/core';
import { excelExportCommands } from './commands/excel-exports';
import { fileCommands } from './commands/files';
import { wordExportCommands } from './commands/word-exports';
import { inspectionWeekCommands } from './commands/inspection-week';
import { safetyCommands } from './commands/safety';
import { newWorkbookCommands } from './commands/new-workbook';
import { importCommands } from './commands/imports';
import { letterCommands } from './commands/letters';
import { planSheetCommands } from './commands/plan-sheet';

export const allCommands: CliCommand[] = [...coreCommands, ...wordExportCommands, ...excelExportCommands, ...fileCommands, ...safetyCommands, ...inspectionWeekCommands, ...newWorkbookCommands, ...importCommands, ...letterCommands, ...planSheetCommands];

export function usageText(commands = allCommands): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Evidence Workbook command line',
    '',
    'Usage: workbook <command> [options]   (from a checkout: npm run workbook -- <command> [options])',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "workbook <command> --help" for the options of one command.',
  ].join('\n');
}

function findCommand(argv: string[]): { command: CliCommand; rest: string[] } | null {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = allCommands.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return null;
}

export interface RunOptions {
  /** Wraps the dispatcher each command gets (tests record the channels a command calls). */
  createDispatch?: CreateDispatch;
}

export async function runCli(argv: string[], io: CliIO, options: RunOptions = {}): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h') {
    (argv.length === 0 ? io.err : io.out)(usageText());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`Unknown command: ${argv.slice(0, 2).join(' ')}\n\n${usageText()}`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: command.allowPositionals ?? false, strict: true });
  } catch (e) {
    io.err(`${(e as Error).message}\n\nUsage: ${command.usage}`);
    return 2;
  }
  const missing = (command.required ?? []).filter((name) => parsed.values[name] === undefined);
  if (missing.length > 0) {
    io.err(`Missing ${missing.map((m) => `--${m}`).join(', ')}.\n\nUsage: ${command.usage}`);
    return 2;
  }
  try {
    // Loaded only when a command runs, so `workbook --help` never loads the backend (issue #12).
    const { CliHost } = await import('./cli-host');
    return await command.run(parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] }, io, new CliHost(options.createDispatch));
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.message);
      return e.exitCode;
    }
    const { WorkbookError } = await import('../../../db/open-workbook');
    if (e instanceof WorkbookError) {
      io.err(e.message);
      return 1;
    }
    io.err(`Something went wrong: ${(e as Error).message}`);
    return 1;
  }
}
