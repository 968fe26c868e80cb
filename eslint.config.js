// Lint rules that keep the architecture honest (see shared style guide and issue #12): each layer
// has an ALLOW-list of what it may import, defined once in scripts/layers.mjs and also checked by
// test/architecture/layers.test.ts.
//   renderer/            -> renderer/, electron/contract/ and the browser packages listed there
//   electron/contract/   -> itself and zod
//   electron/core/       -> core, contract, db/, resources/ (never the shell, a transport, the renderer or `electron`)
//   electron/transports/ -> transports, core, contract, db/, resources/ (never the shell)
//   electron/desktop/    -> desktop, core, contract, db/, resources/; only main.ts, preload.ts and *.main.ts import `electron`
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importProblem } from './scripts/layers.mjs';

/** A local rule: every import, export-from, import() and require() of a fenced file checked against the allow-list. */
const layersPlugin = {
  rules: {
    'allowed-imports': {
      meta: { type: 'problem', docs: { description: 'Each layer imports only what its allow-list names (scripts/layers.mjs).' }, schema: [] },
      create(context) {
        const from = context.filename.slice(context.cwd.length + 1);
        const check = (node, source) => {
          if (!source || typeof source.value !== 'string') return;
          const problem = importProblem(from, source.value);
          if (problem) context.report({ node: source, message: problem });
        };
        return {
          ImportDeclaration: (node) => check(node, node.source),
          ExportNamedDeclaration: (node) => check(node, node.source),
          ExportAllDeclaration: (node) => check(node, node.source),
          ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
          CallExpression: (node) => {
            if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') check(node, node.arguments[0]);
          },
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'dist-cli/', 'release/', 'test-output/', 'db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'electron/**/*.{ts,mts,mjs}', 'db/**/*.{ts,mts,mjs}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/allowed-imports': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
