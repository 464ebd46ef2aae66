import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { auditKeyId, type AuditKey } from '../lib/audit/chain';
import { resolveDatabasePath } from './client';

/**
 * The audit chain's HMAC key. It never lives in SQLite: whoever can write the database must not
 * be able to recompute the chain. In order:
 * 1. `BAR_AUDIT_KEY`: the key itself (at least 32 characters, e.g. `openssl rand -hex 32`);
 * 2. `BAR_AUDIT_KEY_FILE`: a file holding it (a mounted secret), read once;
 * 3. demo mode (`DEMO_MODE=true`) only: a random key created once in `.demo-audit-key` beside
 *    the database, so the demo is keyed without any setup;
 * 4. `BAR_AUDIT_UNKEYED=true`: the explicit unkeyed mode (plain SHA-256). The chain then shows
 *    accidental edits only: anyone who can write the database can recompute it.
 * Anything else is a start-up error: a production install must choose.
 */

export const MIN_AUDIT_KEY_LENGTH = 32;

export class AuditKeyError extends Error {
  override name = 'AuditKeyError';
}

export interface ResolvedAuditKey {
  key: AuditKey | null;
  /** Where the key came from, for messages (never the key). */
  source: string;
}

function keyFrom(text: string, source: string): ResolvedAuditKey {
  const secret = text.trim();
  if (secret.length < MIN_AUDIT_KEY_LENGTH) throw new AuditKeyError(`The audit key from ${source} is ${secret.length} characters; it must be at least ${MIN_AUDIT_KEY_LENGTH} (e.g. openssl rand -hex 32).`);
  const bytes = Buffer.from(secret, 'utf8');
  return { key: { id: auditKeyId(bytes), secret: bytes }, source };
}

function readKeyFile(file: string, source: string): ResolvedAuditKey {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AuditKeyError(`The audit key file ${file} (${source}) cannot be read: ${(error as Error).message}`);
  }
  return keyFrom(text, `${source} (${file})`);
}

/** Resolves the key from the environment. @throws AuditKeyError when none is configured outside demo mode. */
export function resolveAuditKey(environment: Record<string, string | undefined> = process.env, databasePath = resolveDatabasePath(environment.DATABASE_URL)): ResolvedAuditKey {
  if (environment.BAR_AUDIT_KEY) return keyFrom(environment.BAR_AUDIT_KEY, 'BAR_AUDIT_KEY');
  if (environment.BAR_AUDIT_KEY_FILE) return readKeyFile(environment.BAR_AUDIT_KEY_FILE, 'BAR_AUDIT_KEY_FILE');
  if (environment.DEMO_MODE === 'true' && databasePath !== ':memory:') {
    const file = path.join(path.dirname(databasePath), '.demo-audit-key');
    if (!fs.existsSync(file)) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      try {
        fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
      } catch (error) {
        // Another process (the worker beside the server) created it first: use theirs.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
    return readKeyFile(file, 'the demo key file');
  }
  if (environment.BAR_AUDIT_UNKEYED === 'true') return { key: null, source: 'BAR_AUDIT_UNKEYED=true (unkeyed: anyone who can write the database can recompute the chain)' };
  throw new AuditKeyError(
    'No audit key. Set BAR_AUDIT_KEY (at least 32 characters, e.g. `openssl rand -hex 32`) or BAR_AUDIT_KEY_FILE, kept outside the database; ' +
      'or set BAR_AUDIT_UNKEYED=true to accept an audit chain that anyone who can write the database can recompute.',
  );
}

let cached: ResolvedAuditKey | undefined;

/** The process-wide key, resolved once. */
export function getAuditKey(): ResolvedAuditKey {
  cached ??= resolveAuditKey();
  return cached;
}
