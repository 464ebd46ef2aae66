import { asc, count, desc, eq, gt, lte } from 'drizzle-orm';
import {
  AUDIT_GENESIS_HASH,
  checkCheckpointSignature,
  checkEntryHash,
  hashChainEntry,
  signCheckpoint,
  type AuditCheckpoint,
  type AuditKey,
  type ChainedFields,
} from '../../lib/audit/chain';
import { getAuditKey } from '../audit-key';
import type { AppDatabase } from '../client';
import { auditLog, type AuditEntry } from '../schema';
import { inWriteTransaction } from '../write-transaction';

export { AUDIT_GENESIS_HASH };

export interface AuditEvent {
  actor: string;
  action: string;
  objectType: string;
  objectId: string | number;
  before?: unknown;
  after?: unknown;
}

function serialise(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

function insertEntry(database: AppDatabase, event: AuditEvent, at: string, prevHash: string, key: AuditKey | null): AuditEntry {
  const fields: ChainedFields = {
    at,
    actor: event.actor,
    action: event.action,
    objectType: event.objectType,
    objectId: String(event.objectId),
    before: serialise(event.before),
    after: serialise(event.after),
    prevHash,
  };
  return database
    .insert(auditLog)
    .values({ ...fields, hash: hashChainEntry(fields, key) })
    .returning()
    .get();
}

/** The action of the entry that starts the keyed chain after legacy (unkeyed) entries. */
export const CHAIN_KEYED_ACTION = 'audit.chain-keyed';

/**
 * Appends one entry, keyed with the configured audit key (`db/audit-key.ts`). Runs as an
 * IMMEDIATE transaction (or a savepoint inside the caller's transaction) so that two writers
 * cannot both chain onto the same previous hash. The first keyed write after unkeyed entries is
 * preceded by an `audit.chain-keyed` entry that names how many entries came before the key.
 */
export function appendAudit(database: AppDatabase, event: AuditEvent, now = new Date(), key: AuditKey | null = getAuditKey().key): AuditEntry {
  return inWriteTransaction(database, () => {
    const head = keyedHead(database, key, now);
    return insertEntry(database, event, now.toISOString(), head?.hash ?? AUDIT_GENESIS_HASH, key);
  });
}

/**
 * The chain's last entry. With a key, when that entry is unkeyed (written before the key was
 * configured), first appends the `audit.chain-keyed` entry: keyed, it covers the last unkeyed
 * hash and so seals every entry before it. Call inside a write transaction.
 */
function keyedHead(database: AppDatabase, key: AuditKey | null, now: Date): { id: number; hash: string } | undefined {
  const previous = database.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  if (!key || !previous || isKeyedEntry(database, previous.id, key)) return previous;
  const legacyEntries = database.select({ entries: count() }).from(auditLog).get()?.entries ?? 0;
  const after = { keyId: key.id, legacyEntries, legacyHeadHash: previous.hash };
  const marker = insertEntry(database, { actor: 'system', action: CHAIN_KEYED_ACTION, objectType: 'audit_log', objectId: previous.id, after }, now.toISOString(), previous.hash, key);
  return { id: marker.id, hash: marker.hash };
}

/**
 * Start-up step of every process that writes: resolves the key (a missing key is an
 * `AuditKeyError` here, not at the first audited action) and, when a key is configured and the
 * chain ends with unkeyed entries (an upgrade), appends the `audit.chain-keyed` entry at once.
 */
export function sealAuditChain(database: AppDatabase, key: AuditKey | null = getAuditKey().key, now = new Date()): void {
  if (!key) return;
  inWriteTransaction(database, () => keyedHead(database, key, now));
}

function isKeyedEntry(database: AppDatabase, id: number, key: AuditKey): boolean {
  const entry = database.select().from(auditLog).where(eq(auditLog.id, id)).get();
  return entry !== undefined && checkEntryHash(entry, key, false) === 'keyed';
}

export interface AuditVerification {
  isIntact: boolean;
  entryCount: number;
  /** Entries written before the chain was keyed (plain SHA-256), sealed by the first keyed entry. */
  legacyEntryCount: number;
  /** The first entry whose hash or link does not match, when the chain is broken. */
  firstBrokenId: number | null;
  problem: string | null;
  headId: number | null;
  headHash: string | null;
}

/**
 * Walks the whole chain in id order, in pages, recomputing every hash with the key. Legacy
 * (unkeyed) entries are accepted only before the first keyed entry; with a key configured, a
 * chain whose last entry is unkeyed was recomputed without the key (or rewritten wholesale).
 */
export function verifyAuditChain(database: AppDatabase, options: { key?: AuditKey | null; pageSize?: number } = {}): AuditVerification {
  const key = options.key === undefined ? getAuditKey().key : options.key;
  const pageSize = options.pageSize ?? 5000;
  let expectedPrevious = AUDIT_GENESIS_HASH;
  let lastId = 0;
  let entryCount = 0;
  let legacyEntryCount = 0;
  let isKeyedSeen = false;
  const broken = (id: number, problem: string): AuditVerification => ({ isIntact: false, entryCount, legacyEntryCount, firstBrokenId: id, problem, headId: null, headHash: null });
  for (;;) {
    const page = database.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize).all();
    if (page.length === 0) break;
    for (const entry of page) {
      entryCount += 1;
      if (entry.prevHash !== expectedPrevious) return broken(entry.id, `entry ${entry.id} does not link to the entry before it (a row was removed or reordered)`);
      const scheme = checkEntryHash(entry, key, !isKeyedSeen);
      if (scheme === null) {
        return broken(
          entry.id,
          key
            ? `entry ${entry.id} was altered after it was written (its HMAC does not match the audit key ${key.id})`
            : `entry ${entry.id} was altered after it was written, or is keyed and no audit key is configured to check it`,
        );
      }
      if (scheme === 'keyed') isKeyedSeen = true;
      else legacyEntryCount += 1;
      expectedPrevious = entry.hash;
      lastId = entry.id;
    }
  }
  if (key && entryCount > 0 && !isKeyedSeen) {
    return broken(lastId, `no entry is keyed though audit key ${key.id} is configured: the chain was recomputed without the key`);
  }
  return { isIntact: true, entryCount, legacyEntryCount, firstBrokenId: null, problem: null, headId: lastId || null, headHash: lastId ? expectedPrevious : null };
}

/**
 * Exports a signed checkpoint of the chain's head (admins keep it outside the database: an
 * append-only file, syslog, a SIEM). The export is itself audited first, so the checkpoint
 * covers its own record. @throws Error when the chain is not intact (a checkpoint of a broken
 * chain would launder it).
 */
export function createAuditCheckpoint(database: AppDatabase, input: { actor: string; now: Date; key?: AuditKey | null }): AuditCheckpoint {
  const key = input.key === undefined ? getAuditKey().key : input.key;
  const verification = verifyAuditChain(database, { key });
  if (!verification.isIntact) throw new Error(`The audit log is broken at entry ${verification.firstBrokenId}: ${verification.problem}. No checkpoint was written.`);
  const entry = appendAudit(database, { actor: input.actor, action: 'audit.checkpoint-exported', objectType: 'audit_log', objectId: verification.headId ?? 0, after: { keyId: key?.id ?? null } }, input.now, key);
  return signCheckpoint({ headId: entry.id, headHash: entry.hash, entryCount: verification.entryCount + 1, at: input.now.toISOString() }, key);
}

export interface CheckpointVerification {
  checkpoint: AuditCheckpoint;
  problem: string | null;
}

/**
 * Checks the database against checkpoints exported earlier: each must be authentic, its head
 * entry must still exist with the same hash (a recomputed chain changes it), and the number of
 * entries up to it must match (truncation removes it, an insertion adds some).
 */
export function verifyAgainstCheckpoints(database: AppDatabase, checkpoints: AuditCheckpoint[], key: AuditKey | null = getAuditKey().key): CheckpointVerification[] {
  const total = database.select({ entries: count() }).from(auditLog).get()?.entries ?? 0;
  return checkpoints.map((checkpoint) => {
    const signatureProblem = checkCheckpointSignature(checkpoint, key);
    if (signatureProblem) return { checkpoint, problem: signatureProblem };
    const head = database.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, checkpoint.headId)).get();
    if (!head) return { checkpoint, problem: `entry ${checkpoint.headId}, the head at ${checkpoint.at}, is gone: the log was truncated (${total} entries now, ${checkpoint.entryCount} then)` };
    if (head.hash !== checkpoint.headHash) return { checkpoint, problem: `entry ${checkpoint.headId} has another hash than at ${checkpoint.at}: the chain was rewritten and recomputed` };
    const upToHead = database.select({ entries: count() }).from(auditLog).where(lte(auditLog.id, checkpoint.headId)).get()?.entries ?? 0;
    if (upToHead !== checkpoint.entryCount) return { checkpoint, problem: `${upToHead} entries up to entry ${checkpoint.headId}, ${checkpoint.entryCount} at ${checkpoint.at}: entries were removed or inserted` };
    return { checkpoint, problem: null };
  });
}
