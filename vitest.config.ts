import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests spawn the compiled entry points (dist/): build them from the current src/ first.
    globalSetup: ['test/main/build-dist.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores on CI: keep workers to what the machine has.
    maxWorkers: 2,
  },
});
