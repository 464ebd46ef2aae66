import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { revocations } from '../../schema';
import { ConflictError, NotFoundError } from '../../../lib/http/errors';
import { canReportScriptFailure, describeScriptFailure } from '../../../lib/revocations/script-failure';
import { appendAudit } from '../audit';
import { inWriteTransaction } from '../../write-transaction';

/**
 * Offline accounts: the admin who ran the AWS CLI script reports that it stopped, with the CLI's
 * output, instead of waiting for the next import to show the access still there. The revocation
 * becomes 'failed' with AWS's error as its reason; from there it can be executed again (a fresh
 * script) or rolled back. Compare-and-set on the status, audited in the same transaction.
 */
export function reportScriptFailure(database: AppDatabase, input: { id: number; actor: string; now: Date; output: string }): { status: 'failed'; error: string } {
  return inWriteTransaction(database, () => {
    const row = database.select({ status: revocations.status, mode: revocations.mode }).from(revocations).where(eq(revocations.id, input.id)).get();
    if (!row) throw new NotFoundError('No such revocation.');
    if (!canReportScriptFailure(row)) throw new ConflictError(`Only an offline revocation awaiting confirmation can be reported as failed; this one is ${row.status}.`);
    const failure = describeScriptFailure(input.output);
    const changes = database
      .update(revocations)
      .set({ status: 'failed', error: failure.summary })
      .where(and(eq(revocations.id, input.id), eq(revocations.status, row.status)))
      .run().changes;
    if (changes === 0) throw new ConflictError('The revocation changed meanwhile; reload.');
    appendAudit(database, { actor: input.actor, action: 'revocation.failed', objectType: 'revocation', objectId: input.id, before: { status: row.status }, after: { status: 'failed', error: failure.summary, code: failure.code, operation: failure.operation, output: input.output.trim() } }, input.now);
    return { status: 'failed' as const, error: failure.summary };
  });
}
