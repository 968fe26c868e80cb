/** Core CLI commands: demo, check, export-json, import-json (issue #2). */
import type { CliCommand } from '../command';

export const coreCommands: CliCommand[] = [];
