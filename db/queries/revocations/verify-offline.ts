import { and, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { entitlements, principals, revocations, scanAccounts, scans } from '../../schema';
import type { StoredPrincipalAnalysis } from '../../schema/stored-json';
import { appendAudit } from '../audit';
import type { RevocationPlan } from '../../../lib/revocations/types';
import { inWriteTransaction } from '../../write-transaction';

export interface OfflineVerificationSummary {
  verified: number[];
  /** Still granted: marked 'not-applied' (and checked again at every later import). */
  stillGranted: number[];
  notScanned: number[];
}

/** Offline revocations an import can confirm ('executed' is how scripts were marked before 'awaiting-confirmation'). */
const AWAITING = ['awaiting-confirmation', 'not-applied', 'executed'] as const;

/**
 * After each published scan: offline revocations whose script was handed over
 * ('awaiting-confirmation', or 'not-applied' by an earlier import) are checked against the new
 * snapshot of their account. Access gone (no entitlement with the key, none of the actions the
 * plan expected to be gone): 'verified'. Still there: 'not-applied', with what remains, until a
 * later import shows it gone. Accounts the scan did not read, and scans queued before the script
 * was produced, leave the revocation as it is.
 */
export function verifyOfflineRevocations(database: AppDatabase, scanId: number, now = new Date()): OfflineVerificationSummary {
  const summary: OfflineVerificationSummary = { verified: [], stillGranted: [], notScanned: [] };
  const scan = database.select({ queuedAt: scans.queuedAt }).from(scans).where(eq(scans.id, scanId)).get();
  const pending = database.select().from(revocations).where(and(eq(revocations.mode, 'offline'), inArray(revocations.status, [...AWAITING]))).all();
  for (const row of pending) {
    const account = database.select({ status: scanAccounts.status }).from(scanAccounts).where(and(eq(scanAccounts.scanId, scanId), eq(scanAccounts.accountId, row.accountId))).get();
    if (account?.status !== 'ok' || !scan || (row.executedAt !== null && scan.queuedAt < row.executedAt)) {
      summary.notScanned.push(row.id);
      continue;
    }
    const plan = row.plan ? (JSON.parse(row.plan) as RevocationPlan) : null;
    const principal = database.select({ id: principals.id, analysis: principals.analysis }).from(principals).where(and(eq(principals.scanId, scanId), eq(principals.arn, row.principalArn))).get();
    let remaining: string[] = [];
    if (principal) {
      const onPath = database.select({ id: entitlements.id }).from(entitlements).where(and(eq(entitlements.scanId, scanId), eq(entitlements.entitlementKey, row.entitlementKey))).get();
      const actions = new Set((JSON.parse(principal.analysis) as StoredPrincipalAnalysis).actions ?? []);
      const expectedAfter = new Set(plan?.after.actions ?? []);
      remaining = (plan?.entitlementActions ?? []).filter((action) => actions.has(action) && !expectedAfter.has(action));
      if (onPath) remaining = remaining.length > 0 ? remaining : ['(the entitlement is still there)'];
    }
    const at = now.toISOString();
    if (remaining.length > 0) {
      summary.stillGranted.push(row.id);
      const error = `Not applied: the import of scan #${scanId} still shows ${remaining.slice(0, 5).join(', ')}${remaining.length > 5 ? ', …' : ''}. Run the script, then import the account again.`;
      inWriteTransaction(database, () => {
        const changed = database.update(revocations).set({ status: 'not-applied', error }).where(and(eq(revocations.id, row.id), eq(revocations.status, row.status))).run().changes;
        if (changed === 1 && row.status !== 'not-applied') appendAudit(database, { actor: 'scan', action: 'revocation.not-applied', objectType: 'revocation', objectId: row.id, before: { status: row.status }, after: { status: 'not-applied', scanId, remaining: remaining.slice(0, 20) } }, now);
      });
      continue;
    }
    inWriteTransaction(database, () => {
      const changed = database.update(revocations).set({ status: 'verified', verifiedAt: at, error: null }).where(and(eq(revocations.id, row.id), eq(revocations.status, row.status))).run().changes;
      if (changed === 1) appendAudit(database, { actor: 'scan', action: 'revocation.verified', objectType: 'revocation', objectId: row.id, before: { status: row.status }, after: { status: 'verified', scanId, principalPresent: Boolean(principal) } }, now);
    });
    summary.verified.push(row.id);
  }
  return summary;
}
