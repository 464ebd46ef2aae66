import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

/** The demo organisation the pages server imported offline. */
export const DEMO_ORG = path.join(process.cwd(), 'demo', 'org');

/** `npm run cli -- scan --from DIR` on the database of the server on `port`: the next import. */
export async function importOffline(port: string, directory: string): Promise<void> {
  const databasePath = path.join(process.cwd(), 'data', port === '3100' ? 'e2e.db' : `e2e-${port}.db`);
  await promisify(execFile)('npx', ['tsx', 'scanners/cli.ts', 'scan', '--from', directory], { env: { ...process.env, DATABASE_URL: databasePath, DEMO_MODE: 'true' }, timeout: 120_000 });
}
