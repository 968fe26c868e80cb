/** CLI commands: export plan, import plan (issue #5). */
import type { CliCommand } from '../command';

export const excelExportCommands: CliCommand[] = [];
