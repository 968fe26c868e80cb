/** CLI commands: attach, import-files, search (issue #6). */
import type { CliCommand } from '../command';

export const fileCommands: CliCommand[] = [];
