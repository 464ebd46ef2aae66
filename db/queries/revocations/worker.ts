import { and, asc, eq, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { revocations, type Revocation, type RevocationStatus } from '../../schema';
import { appendAudit } from '../audit';
import type { PrincipalState, RevocationResult } from '../../../lib/revocations/types';
import { readRevocationResult } from '../../stored-json/revocation-columns';
import type { IdentityCenterBeforeState } from '../../../lib/revocations/identity-center/types';
import { inWriteTransaction } from '../../write-transaction';

/** A claim older than this is taken as abandoned (the worker died mid-run) and may be taken again. */
export const CLAIM_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * Takes the next revocation the API handed to the worker ('executing' with pending work and no
 * live claim). The compare-and-set on `result` makes two workers never run the same one.
 */
export function claimNextRevocation(database: AppDatabase, input: { pid: number; now: Date }): Revocation | null {
  const candidates = database.select().from(revocations).where(eq(revocations.status, 'executing')).orderBy(asc(revocations.id)).all();
  for (const row of candidates) {
    const result = readRevocationResult(row.result, row.id);
    if (!result.pending) continue;
    if (result.claim && input.now.getTime() - Date.parse(result.claim.at) < CLAIM_TIMEOUT_MS) continue;
    const claimed: RevocationResult = { ...result, claim: { pid: input.pid, at: input.now.toISOString() } };
    const changes = database
      .update(revocations)
      .set({ result: JSON.stringify(claimed) })
      .where(and(eq(revocations.id, row.id), eq(revocations.status, 'executing'), row.result === null ? sql`${revocations.result} is null` : eq(revocations.result, row.result)))
      .run().changes;
    if (changes === 1) return { ...row, result: JSON.stringify(claimed) };
  }
  return null;
}

/** Records progress of a run without finishing it (the before-state as soon as it is read). */
export function saveBeforeState(database: AppDatabase, id: number, beforeState: PrincipalState | IdentityCenterBeforeState): void {
  database.update(revocations).set({ beforeState: JSON.stringify(beforeState) }).where(eq(revocations.id, id)).run();
}

export interface FinishInput {
  id: number;
  status: Extract<RevocationStatus, 'executed' | 'verified' | 'failed' | 'rolled-back'>;
  result: RevocationResult;
  error: string | null;
  now: Date;
  /** Audit action, e.g. 'revocation.executed'. */
  auditAction: string;
  auditDetail: Record<string, unknown>;
  setExecutedAt?: boolean;
  setVerifiedAt?: boolean;
}

/** Ends a worker run: status, result (pending work and claim cleared), error, audit entry. */
export function finishRevocationRun(database: AppDatabase, input: FinishInput): void {
  const at = input.now.toISOString();
  inWriteTransaction(database, () => {
    const before = database.select({ status: revocations.status }).from(revocations).where(eq(revocations.id, input.id)).get();
    database
      .update(revocations)
      .set({
        status: input.status,
        result: JSON.stringify({ ...input.result, pending: null, claim: null }),
        error: input.error,
        ...(input.setExecutedAt ? { executedAt: at } : {}),
        ...(input.setVerifiedAt ? { verifiedAt: at } : {}),
      })
      .where(eq(revocations.id, input.id))
      .run();
    appendAudit(database, { actor: 'worker', action: input.auditAction, objectType: 'revocation', objectId: input.id, before: { status: before?.status }, after: { status: input.status, error: input.error, ...input.auditDetail } }, input.now);
  });
}
