/**
 * Playwright's web server: a fresh local database with the demo organisation, then the
 * production build on the given port. Refuses anything but a local file database.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { prepareDemoDatabase } from './prepare-database';

const portIndex = process.argv.indexOf('--port');
const port = portIndex >= 0 ? process.argv[portIndex + 1] : '3100';
// One database per port, so two suites (e.g. on 3100 and 3200) can run side by side.
const databasePath = path.join(process.cwd(), 'data', port === '3100' ? 'e2e.db' : `e2e-${port}.db`);

async function main(): Promise<void> {
  const database = await prepareDemoDatabase(databasePath, { isFresh: true });
  database.$client.close();
  const server = spawn('npx', ['next', 'start', '-p', port], {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DEMO_MODE: 'true',
      DATABASE_URL: databasePath,
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-000000000000',
      BAR_CONFIG: path.join(process.cwd(), 'e2e', 'support', 'e2e.config.json'),
    },
  });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(`e2e server failed to start: ${(error as Error).message}`);
  process.exit(1);
});
