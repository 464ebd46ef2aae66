import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The audit log's hash chain. Each entry's hash covers its fields and the previous entry's
 * hash. Keyed entries use HMAC-SHA256 with a key kept outside the database, so whoever can
 * write the database can neither edit an entry nor recompute the chain after an edit. Entries
 * written before the key existed ("legacy", plain SHA-256) are accepted only before the first
 * keyed entry: the first keyed entry covers the last legacy hash, which seals them.
 */

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** The key of the chain; `id` (a fingerprint, not the key) names it in checkpoints and messages. */
export interface AuditKey {
  id: string;
  secret: Buffer;
}

export interface ChainedFields {
  prevHash: string;
  at: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  before: string | null;
  after: string | null;
}

function canonical(entry: ChainedFields): string {
  return JSON.stringify([entry.prevHash, entry.at, entry.actor, entry.action, entry.objectType, entry.objectId, entry.before, entry.after]);
}

/** The fingerprint that names a key: the first 16 hex digits of SHA-256 over a domain label and the key. */
export function auditKeyId(secret: Buffer): string {
  return createHash('sha256').update('bedrock-access-review/audit-key-id\0').update(secret).digest('hex').slice(0, 16);
}

/** HMAC-SHA256 with the key; plain SHA-256 without one (legacy entries and the explicit unkeyed mode). */
export function hashChainEntry(entry: ChainedFields, key: AuditKey | null): string {
  const text = canonical(entry);
  return key ? createHmac('sha256', key.secret).update(text).digest('hex') : createHash('sha256').update(text).digest('hex');
}

function isSameHex(left: string, right: string): boolean {
  return left.length === right.length && timingSafeEqual(Buffer.from(left), Buffer.from(right));
}

export type EntryScheme = 'keyed' | 'legacy';

/** How one stored entry checks: which scheme it verifies under, or null when under none allowed. */
export function checkEntryHash(entry: ChainedFields & { hash: string }, key: AuditKey | null, isLegacyAllowed: boolean): EntryScheme | null {
  if (key && isSameHex(hashChainEntry(entry, key), entry.hash)) return 'keyed';
  if (isLegacyAllowed && isSameHex(hashChainEntry(entry, null), entry.hash)) return 'legacy';
  return null;
}

/** A signed statement of the chain's head at a moment, kept outside the database. */
export interface AuditCheckpoint {
  kind: 'bedrock-access-review.audit-checkpoint';
  version: 1;
  headId: number;
  headHash: string;
  entryCount: number;
  at: string;
  /** Fingerprint of the signing key; null for an unsigned checkpoint of an unkeyed chain. */
  keyId: string | null;
  signature: string | null;
}

function checkpointText(checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return JSON.stringify([checkpoint.kind, checkpoint.version, checkpoint.headId, checkpoint.headHash, checkpoint.entryCount, checkpoint.at, checkpoint.keyId]);
}

/** Signs the head (HMAC with the chain's key); without a key the checkpoint is unsigned. */
export function signCheckpoint(head: { headId: number; headHash: string; entryCount: number; at: string }, key: AuditKey | null): AuditCheckpoint {
  const unsigned = { kind: 'bedrock-access-review.audit-checkpoint' as const, version: 1 as const, ...head, keyId: key?.id ?? null };
  return { ...unsigned, signature: key ? createHmac('sha256', key.secret).update(checkpointText(unsigned)).digest('hex') : null };
}

export class CheckpointFormatError extends Error {
  override name = 'CheckpointFormatError';
}

/** Parses one line of a checkpoint file. @throws CheckpointFormatError naming the line. */
export function parseCheckpoint(text: string, line: number): AuditCheckpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CheckpointFormatError(`line ${line}: not JSON`);
  }
  const record = value as Partial<AuditCheckpoint> | null;
  const isValid =
    record !== null &&
    typeof record === 'object' &&
    record.kind === 'bedrock-access-review.audit-checkpoint' &&
    record.version === 1 &&
    Number.isInteger(record.headId) &&
    typeof record.headHash === 'string' &&
    Number.isInteger(record.entryCount) &&
    typeof record.at === 'string' &&
    (record.keyId === null || typeof record.keyId === 'string') &&
    (record.signature === null || typeof record.signature === 'string');
  if (!isValid) throw new CheckpointFormatError(`line ${line}: not an audit checkpoint`);
  return record as AuditCheckpoint;
}

/** Null when the checkpoint is authentic under the key, else why not. */
export function checkCheckpointSignature(checkpoint: AuditCheckpoint, key: AuditKey | null): string | null {
  if (checkpoint.signature === null) return key ? 'the checkpoint is unsigned, but the chain is keyed: an unsigned checkpoint proves nothing' : null;
  if (!key) return `the checkpoint is signed with key ${checkpoint.keyId ?? '?'}, and no audit key is configured to check it`;
  if (checkpoint.keyId !== key.id) return `the checkpoint is signed with key ${checkpoint.keyId ?? '?'}, not the configured key ${key.id}`;
  const { signature, ...unsigned } = checkpoint;
  const expected = createHmac('sha256', key.secret).update(checkpointText(unsigned)).digest('hex');
  return isSameHex(expected, signature) ? null : 'the checkpoint signature does not match: the checkpoint was edited';
}
