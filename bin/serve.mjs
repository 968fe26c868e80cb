#!/usr/bin/env node
// `npm run serve`: browser mode. Runs the TypeScript sources through tsx (no build step for the server).
import { register } from 'tsx/esm/api';

register();
const { serveMain } = await import('../electron/transports/serve/serve-main.ts');
const code = await serveMain(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
