/** CLI commands: export sef, export progress, export plan, import plan (issues #4, #5). */
import type { CliCommand } from '../command';

export const exportCommands: CliCommand[] = [];
