import { defineConfig } from 'vitest/config';

// Two projects: `unit` is fast and pure; `e2e` builds the fixture site (tests/fixtures/site) once and drives it in Chromium.
export default defineConfig({
  test: {
    projects: [
      // The unit files share their workers' module cache (isolate: false): they are pure, restore what they spy
      // on and change no globals, and loading the schemas and the check's rules once per worker instead of once
      // per file halves the time. Two workers even on two cores, where Vitest would otherwise start one.
      // The one smoke test per command starts a real process (TypeScript loading included): give it room on a busy machine.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false, maxWorkers: 2, testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/site-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
