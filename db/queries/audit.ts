import { createHash } from 'node:crypto';
import { asc, desc, gt } from 'drizzle-orm';
import type { AppDatabase } from '../client';
import { auditLog, type AuditEntry } from '../schema';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  actor: string;
  action: string;
  objectType: string;
  objectId: string | number;
  before?: unknown;
  after?: unknown;
}

type HashedFields = Pick<AuditEntry, 'at' | 'actor' | 'action' | 'objectType' | 'objectId' | 'before' | 'after' | 'prevHash'>;

/** The hash covers every field of the entry and the previous entry's hash. */
export function hashAuditEntry(entry: HashedFields): string {
  const canonical = JSON.stringify([
    entry.prevHash,
    entry.at,
    entry.actor,
    entry.action,
    entry.objectType,
    entry.objectId,
    entry.before,
    entry.after,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

function serialise(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/**
 * Appends one entry. Runs as an IMMEDIATE transaction (or a savepoint inside the caller's
 * transaction) so that two writers cannot both chain onto the same previous hash.
 */
export function appendAudit(database: AppDatabase, event: AuditEvent, now = new Date()): AuditEntry {
  const write = database.$client.transaction(() => {
    const previous = database.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
    const fields: HashedFields = {
      at: now.toISOString(),
      actor: event.actor,
      action: event.action,
      objectType: event.objectType,
      objectId: String(event.objectId),
      before: serialise(event.before),
      after: serialise(event.after),
      prevHash: previous?.hash ?? AUDIT_GENESIS_HASH,
    };
    return database
      .insert(auditLog)
      .values({ ...fields, hash: hashAuditEntry(fields) })
      .returning()
      .get();
  });
  return database.$client.inTransaction ? write() : write.immediate();
}

export interface AuditVerification {
  isIntact: boolean;
  entryCount: number;
  /** The first entry whose hash or link does not match, when the chain is broken. */
  firstBrokenId: number | null;
  problem: string | null;
}

/** Walks the whole chain in id order, in pages, recomputing every hash. */
export function verifyAuditChain(database: AppDatabase, pageSize = 5000): AuditVerification {
  let expectedPrevious = AUDIT_GENESIS_HASH;
  let lastId = 0;
  let entryCount = 0;
  for (;;) {
    const page = database.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize).all();
    if (page.length === 0) break;
    for (const entry of page) {
      entryCount += 1;
      if (entry.prevHash !== expectedPrevious) {
        return { isIntact: false, entryCount, firstBrokenId: entry.id, problem: `entry ${entry.id} does not link to the entry before it (a row was removed or reordered)` };
      }
      if (hashAuditEntry(entry) !== entry.hash) {
        return { isIntact: false, entryCount, firstBrokenId: entry.id, problem: `entry ${entry.id} was altered after it was written` };
      }
      expectedPrevious = entry.hash;
      lastId = entry.id;
    }
  }
  return { isIntact: true, entryCount, firstBrokenId: null, problem: null };
}
