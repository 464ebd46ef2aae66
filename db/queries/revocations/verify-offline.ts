import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { entitlements, principals, revocations, scanAccounts } from '../../schema';
import type { StoredPrincipalAnalysis } from '../../schema/stored-json';
import { appendAudit } from '../audit';
import type { RevocationPlan } from '../../../lib/revocations/types';

export interface OfflineVerificationSummary {
  verified: number[];
  stillGranted: number[];
  notScanned: number[];
}

/**
 * After each published scan: offline revocations whose script was produced ('executed') are
 * verified when the scan shows the access gone (no entitlement with the key, none of the actions
 * the plan expected to be gone). Accounts the scan did not read are left for a later scan. A
 * revocation whose access is still there stays 'executed' (the script may not have run yet).
 */
export function verifyOfflineRevocations(database: AppDatabase, scanId: number, now = new Date()): OfflineVerificationSummary {
  const summary: OfflineVerificationSummary = { verified: [], stillGranted: [], notScanned: [] };
  const pending = database.select().from(revocations).where(and(eq(revocations.mode, 'offline'), eq(revocations.status, 'executed'))).all();
  for (const row of pending) {
    const account = database.select({ status: scanAccounts.status }).from(scanAccounts).where(and(eq(scanAccounts.scanId, scanId), eq(scanAccounts.accountId, row.accountId))).get();
    if (account?.status !== 'ok') {
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
    if (remaining.length > 0) {
      summary.stillGranted.push(row.id);
      continue;
    }
    const at = now.toISOString();
    database.$client
      .transaction(() => {
        database.update(revocations).set({ status: 'verified', verifiedAt: at, error: null }).where(eq(revocations.id, row.id)).run();
        appendAudit(database, { actor: 'scan', action: 'revocation.verified', objectType: 'revocation', objectId: row.id, before: { status: 'executed' }, after: { status: 'verified', scanId, principalPresent: Boolean(principal) } }, now);
      })
      .immediate();
    summary.verified.push(row.id);
  }
  return summary;
}
