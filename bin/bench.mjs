#!/usr/bin/env node
// `npm run bench`: the performance benchmark (issue #9). Runs the TypeScript through tsx, as bin/workbook.mjs does.
import { register } from 'tsx/esm/api';

register();
const { runBench } = await import('../bench/run-bench.ts');
const code = await runBench(process.argv.slice(2), (text) => process.stdout.write(`${text}\n`), (text) => process.stderr.write(`${text}\n`));
process.exitCode = code;
