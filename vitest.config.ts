import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep parallelism modest so heavy suites (exports, e2e) do not starve each other.
    maxWorkers: 2,
    // Builds the renderer once for the end-to-end suite (test/e2e/).
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
