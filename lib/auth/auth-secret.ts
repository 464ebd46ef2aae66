import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isDemoMode } from './demo-users';

/**
 * `NEXTAUTH_SECRET` in production. In demo mode only, a random secret is created once and kept
 * beside the database so sessions survive restarts without any setup.
 */
export function resolveAuthSecret(): string | undefined {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (!isDemoMode()) return undefined;
  const secretFile = path.join(process.cwd(), 'data', '.demo-auth-secret');
  if (!fs.existsSync(secretFile)) {
    fs.mkdirSync(path.dirname(secretFile), { recursive: true });
    fs.writeFileSync(secretFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(secretFile, 'utf8').trim();
}
