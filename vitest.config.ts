import { defineConfig } from 'vitest/config';

// End-to-end and property tests (Node). Deno tests of the functions live in tests/functions
// and run under `deno test`.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/functions/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
