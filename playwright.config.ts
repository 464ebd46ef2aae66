import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const journeyPort = Number(process.env.E2E_JOURNEY_PORT ?? 3101);
const oidcPort = Number(process.env.E2E_OIDC_PORT ?? 3102);
/**
 * `E2E_ONLY=journeys` starts only the journey server (`E2E_ONLY=pages` only the page server,
 * `E2E_ONLY=oidc` only the single sign-on server),
 * for running one project while the other port is in use. Unset, both servers start, as
 * `npx playwright test` of the whole suite needs.
 */
const only = process.env.E2E_ONLY;

/**
 * End-to-end tests run against the production build (`next build` first; NEXT_DIST_DIR picks its
 * folder). Two isolated environments:
 * - `pages` (every spec but the journeys): `scripts/e2e-server.ts` serves a fresh database with the
 *   demo organisation imported offline, and no worker.
 * - `journeys` (e2e/journeys): `scripts/e2e-server.ts --live` serves a database scanned live from
 *   the local AWS endpoint, with the worker running, so revocations execute for real.
 * - `oidc` (e2e/oidc): `scripts/oidc-e2e-server.ts` serves the production build without demo mode,
 *   signing in through a real OpenID Connect provider (`oidc-provider`) on loopback.
 * Playwright uses Debian's Chromium: no browser download works on our machines.
 */
const STOP_CLEANLY = { signal: 'SIGTERM' as const, timeout: 15_000 };

/** A server the suite starts and waits for: ready when its sign-in page answers; its output is piped. */
function webServer(name: string, command: string, serverPort: number) {
  return { name, command, url: `http://localhost:${serverPort}/signin`, timeout: 180_000, reuseExistingServer: false, stdout: 'pipe' as const, stderr: 'pipe' as const };
}

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [
    { name: 'pages', testIgnore: ['journeys/**', 'oidc/**'], use: { baseURL: `http://localhost:${port}` } },
    // Production sign-in against a real OpenID Connect provider on loopback (scripts/oidc-e2e-server.ts).
    { name: 'oidc', testMatch: 'oidc/**/*.spec.ts', use: { baseURL: `http://localhost:${oidcPort}`, actionTimeout: 15_000, navigationTimeout: 30_000 } },
    // Journeys run for minutes (they wait for the worker); a bounded action timeout makes a missing
    // element fail in seconds instead of at the end of the test's long timeout.
    { name: 'journeys', testMatch: 'journeys/**/*.spec.ts', use: { baseURL: `http://localhost:${journeyPort}`, actionTimeout: 15_000, navigationTimeout: 30_000 } },
  ],
  webServer: [
    webServer('pages', `npx tsx scripts/e2e-server.ts --port ${port}`, port),
    // The worker and the web server get SIGTERM and stop cleanly (the worker may be writing).
    { ...webServer('journeys', `npx tsx scripts/e2e-server.ts --port ${journeyPort} --live`, journeyPort), gracefulShutdown: STOP_CLEANLY },
    { ...webServer('oidc', `npx tsx scripts/oidc-e2e-server.ts --port ${oidcPort}`, oidcPort), gracefulShutdown: STOP_CLEANLY },
  ].filter((server) => !only || server.name === only),
});
