/** CLI commands: pack (issue #8). */
import type { CliCommand } from '../command';

export const inspectionWeekCommands: CliCommand[] = [];
