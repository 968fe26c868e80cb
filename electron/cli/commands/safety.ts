/** CLI commands: backup, backups, restore (issue #7). */
import type { CliCommand } from '../command';

export const safetyCommands: CliCommand[] = [];
