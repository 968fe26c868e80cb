/** CLI commands: export sef, export progress (issue #4). */
import type { CliCommand } from '../command';

export const wordExportCommands: CliCommand[] = [];
