import { defineConfig } from 'vitest/config';

// Five suites: `unit` is `npm test` (no network, no browser, no ../shared); `corpus` runs over
// the public corpora in ../shared; `browser` drives Debian's Chromium; `kill` is the long
// kill-and-resume test of a 1,000-subscriber send (`npm run test:kill`); `package` packs and
// installs the package into an empty project (npm fetches its dependencies).
export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/corpus/**', 'tests/browser/**', 'tests/kill/**', 'tests/package/**', 'node_modules/**'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'corpus',
          include: ['tests/corpus/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'kill',
          include: ['tests/kill/**/*.test.ts'],
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'package',
          include: ['tests/package/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 900_000,
        },
      },
    ],
  },
});
