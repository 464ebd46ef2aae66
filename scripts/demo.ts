/**
 * `npm run demo`: migrate, import the demo organisation through the offline scanner, build,
 * and serve on http://localhost:3000 with the worker beside it. Prints the demo sign-ins.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEMO_USERS } from '../lib/auth/demo-users';
import { prepareDemoDatabase } from './prepare-database';

const port = process.env.PORT ?? '3000';
const databasePath = process.env.DATABASE_URL ?? path.join(process.cwd(), 'data', 'demo.db');
const configPath = path.join(process.cwd(), 'demo', 'demo.config.json');

async function main(): Promise<void> {
  console.log(`Preparing the demo database at ${databasePath} ...`);
  const database = await prepareDemoDatabase(databasePath, { isFresh: process.argv.includes('--fresh'), withHistory: !process.argv.includes('--no-history') });
  database.$client.close();

  if (!process.argv.includes('--skip-build')) {
    console.log('Building the app (next build) ...');
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }

  const environment = {
    ...process.env,
    NODE_ENV: 'production' as const,
    DEMO_MODE: 'true',
    DATABASE_URL: databasePath,
    NEXTAUTH_URL: `http://localhost:${port}`,
    BAR_CONFIG: configPath,
  };
  const server = spawn('npx', ['tsx', 'scripts/serve.ts', '-p', port], { stdio: 'inherit', env: environment });
  const worker = spawn('npx', ['tsx', 'scanners/cli.ts', 'worker'], { stdio: 'inherit', env: environment });

  console.log(`\nBedrock Access Review demo: http://localhost:${port}`);
  console.log('Sign in with any of these (password: demo):');
  for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(22)} ${user.role.padEnd(8)} ${user.persona}`);
  console.log('Press Ctrl+C to stop.\n');

  const stop = () => {
    server.kill('SIGTERM');
    worker.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => {
    worker.kill('SIGTERM');
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${(error as Error).message}`);
  process.exit(1);
});
