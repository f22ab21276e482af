import { defineConfig } from 'vitest/config';

// Three layers (STYLE.md): in-process, integration against the real server, end to end in Chromium
// (and the core journeys in Firefox ESR).
export default defineConfig({
  test: {
    // One test file at a time: on two cores, browser tests beside servers under test made timing
    // flaky, and a deterministic run is worth the minute it costs.
    maxWorkers: 1,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 30_000 } },
      // SIGKILL and restart the real server process while clients write (tests/chaos, issue 5).
      { test: { name: 'chaos', include: ['tests/chaos/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 30_000 } },
      { test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 90_000, hookTimeout: 90_000, fileParallelism: false } },
      // The core journeys once more, in Firefox ESR (puppeteer-core over WebDriver BiDi) and Chromium (issue 13).
      { test: { name: 'firefox', include: ['tests/e2e-firefox/**/*.test.ts'], environment: 'node', testTimeout: 90_000, hookTimeout: 90_000, fileParallelism: false } },
    ],
  },
});
