#!/usr/bin/env node
// The `workbook` command. Runs the TypeScript sources through tsx so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../electron/transports/cli/run-cli.ts');
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
