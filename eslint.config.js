// Lint rules that keep the architecture honest (see shared style guide):
// - only the Electron shell (electron/desktop/main.ts, electron/desktop/preload.ts, electron/desktop/*.main.ts) imports `electron`;
// - the renderer never touches Node, SQLite or db/ (type-only imports allowed).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyInShell = {
  paths: [{ name: 'electron', message: 'Only the Electron shell (electron/desktop/main.ts, electron/desktop/preload.ts, electron/desktop/*.main.ts) may import electron.' }],
};

const rendererBoundaries = {
  paths: [
    { name: 'electron', message: 'The renderer talks to the app only through the contract (window.workbook).' },
    { name: 'better-sqlite3', message: 'The renderer never touches SQLite: call the contract.', allowTypeImports: true },
    { name: 'drizzle-orm', message: 'The renderer never touches the database: call the contract.', allowTypeImports: true },
  ],
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'The renderer runs in a browser sandbox: no Node modules.' },
    { group: ['**/db/*', '**/db'], message: 'The renderer never imports db/: call the contract.', allowTypeImports: true },
    { group: ['**/electron/core/**', '**/electron/transports/**', '**/electron/desktop/**'], message: 'The renderer may import only electron/contract/.', allowTypeImports: true },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-output/', 'db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnlyInShell],
    },
  },
  {
    files: ['electron/desktop/main.ts', 'electron/desktop/preload.ts', 'electron/desktop/*.main.ts', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', rendererBoundaries] },
  },
);
