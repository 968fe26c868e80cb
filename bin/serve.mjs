#!/usr/bin/env node
// `npm run serve`: browser mode, from the bundle (dist-cli/serve.mjs; see bin/bundle.mjs).
import { importBundled } from './bundle.mjs';

const { serveMain } = await importBundled('serve');
const code = await serveMain(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
