#!/usr/bin/env node
// The `workbook` command: runs the bundled CLI (dist-cli/workbook.mjs; see bin/bundle.mjs).
import { importBundled } from './bundle.mjs';

const { runCli } = await importBundled('workbook');
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
process.exitCode = code;
