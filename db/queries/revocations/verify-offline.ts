import { and, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { actionLists, entitlements, principals, revocations, scanAccounts, scans, type Revocation } from '../../schema';
import { readPrincipalActions } from '../../stored-json/principal-columns';
import { readRevocationPlan, readRevocationResult } from '../../stored-json/revocation-columns';
import { appendAudit } from '../audit';
import type { IdentityCenterDirectory } from '../../../lib/people/types';
import { identityCenterVerificationOutcome, verifyIdentityCenterPlan } from '../../../lib/revocations/identity-center/verify-identity-center-plan';
import type { IdentityCenterPlan } from '../../../lib/revocations/identity-center/types';
import type { RevocationPlan, VerificationOutcome } from '../../../lib/revocations/types';
import { inWriteTransaction } from '../../write-transaction';
import { loadIdentityCenterDirectory } from '../people/load-identity-center-directory';

export interface OfflineVerificationSummary {
  verified: number[];
  /** Still granted: marked 'not-applied' (and checked again at every later import). */
  stillGranted: number[];
  notScanned: number[];
}

/** Offline revocations an import can confirm ('executed' is how scripts were marked before 'awaiting-confirmation'). */
const AWAITING = ['awaiting-confirmation', 'not-applied', 'executed'] as const;

/**
 * What one import says about one revocation: nothing (not read), gone, or what is still there;
 * with the verification to store on the revocation, as the live worker stores its own.
 */
type Finding =
  | { kind: 'not-scanned' }
  | { kind: 'gone'; audit: Record<string, unknown>; verification: VerificationOutcome }
  | { kind: 'remains'; stillShows: string; rerun: string; audit: Record<string, unknown>; verification: VerificationOutcome };

const LISTED_ACTIONS = 5;

/** An IAM plan: the account's new snapshot no longer grants the entitlement's actions (the plan's expected after aside). */
function checkIam(database: AppDatabase, scanId: number, row: Revocation, plan: RevocationPlan | null, checkedAt: string): Finding {
  const account = database.select({ status: scanAccounts.status }).from(scanAccounts).where(and(eq(scanAccounts.scanId, scanId), eq(scanAccounts.accountId, row.accountId))).get();
  if (account?.status !== 'ok') return { kind: 'not-scanned' };
  const principal = database
    .select({ id: principals.id, actions: actionLists.list })
    .from(principals)
    .innerJoin(actionLists, eq(actionLists.hash, principals.actionsHash))
    .where(and(eq(principals.scanId, scanId), eq(principals.arn, row.principalArn)))
    .get();
  let stillGranted: string[] = [];
  let isOnPath = false;
  if (principal) {
    isOnPath = database.select({ id: entitlements.id }).from(entitlements).where(and(eq(entitlements.scanId, scanId), eq(entitlements.entitlementKey, row.entitlementKey))).get() !== undefined;
    const actions = new Set(readPrincipalActions(principal.actions, principal.id));
    const expectedAfter = new Set(plan?.after.actions ?? []);
    stillGranted = (plan?.entitlementActions ?? []).filter((action) => actions.has(action) && !expectedAfter.has(action));
  }
  const remaining = isOnPath && stillGranted.length === 0 ? ['(the entitlement is still there)'] : stillGranted;
  const reread = `account ${row.accountId} in the import of scan #${scanId}`;
  if (remaining.length === 0) {
    const reason = principal ? 'The entitlement grants no Bedrock action any more.' : 'The principal is no longer in the account.';
    return { kind: 'gone', audit: { principalPresent: Boolean(principal) }, verification: { isVerified: true, reason, checkedAt, remainingActions: [], reread } };
  }
  const stillShows = `${remaining.slice(0, LISTED_ACTIONS).join(', ')}${remaining.length > LISTED_ACTIONS ? ', …' : ''}`;
  const reason = stillGranted.length > 0 ? `Still granted: ${stillShows}.` : `The entitlement ${plan?.path.policyName ?? row.entitlementKey} is still there.`;
  return {
    kind: 'remains',
    stillShows,
    rerun: 'Run the script, then import the account again.',
    audit: { remaining: remaining.slice(0, 20) },
    verification: { isVerified: false, reason, checkedAt, remainingActions: stillGranted, reread },
  };
}

/**
 * A plan at Identity Center (#14): decided on the directory the scan read (identity-center.json
 * offline), by the verifier the live worker uses. A scan that read no Identity Center, or another
 * instance, says nothing about it.
 */
function checkIdentityCenter(plan: IdentityCenterPlan, entitlementActions: readonly string[], directory: IdentityCenterDirectory | null, read: { scanId: number; checkedAt: string }): Finding {
  if (!directory || directory.instanceArn !== plan.instanceArn) return { kind: 'not-scanned' };
  const check = verifyIdentityCenterPlan(plan, entitlementActions, directory);
  const verification = identityCenterVerificationOutcome(check, { entitlementActions, checkedAt: read.checkedAt, reread: `Identity Center ${plan.instanceArn} as exported in identity-center.json, imported by scan #${read.scanId}` });
  if (check.isVerified) return { kind: 'gone', audit: { identityCenter: plan.kind, reason: check.reason }, verification };
  return {
    kind: 'remains',
    stillShows: check.stillShows ?? check.reason,
    rerun: 'Run the script, then export Identity Center (identity-center.json) and import again.',
    audit: { identityCenter: plan.kind, reason: check.reason },
    verification,
  };
}

/** The revocation's stored result with this import's verification in place of any earlier one. */
const resultWith = (row: Revocation, verification: VerificationOutcome) => JSON.stringify({ ...readRevocationResult(row.result, row.id), verification });

/**
 * After each published scan: offline revocations whose script was handed over
 * ('awaiting-confirmation', or 'not-applied' by an earlier import) are checked against the new
 * snapshot. IAM plans against their account: access gone (no entitlement with the key, none of the
 * actions the plan expected to be gone), 'verified'. Identity Center plans against the Identity
 * Center the scan read: the membership or assignment gone, the set changed, 'verified'. Still
 * there: 'not-applied', with what remains, until a later import shows it gone. Scans that did not
 * read the account (or Identity Center), and scans queued before the script was produced, leave the
 * revocation as it is.
 */
export function verifyOfflineRevocations(database: AppDatabase, scanId: number, now = new Date()): OfflineVerificationSummary {
  const summary: OfflineVerificationSummary = { verified: [], stillGranted: [], notScanned: [] };
  const scan = database.select({ queuedAt: scans.queuedAt }).from(scans).where(eq(scans.id, scanId)).get();
  const pending = database.select().from(revocations).where(and(eq(revocations.mode, 'offline'), inArray(revocations.status, [...AWAITING]))).all();
  // Read once per scan, and only when an Identity Center plan waits: it can be the largest part of a snapshot.
  let directory: IdentityCenterDirectory | null | undefined;
  const directoryOfScan = () => (directory === undefined ? (directory = loadIdentityCenterDirectory(database, scanId)) : directory);
  for (const row of pending) {
    if (!scan || (row.executedAt !== null && scan.queuedAt < row.executedAt)) {
      summary.notScanned.push(row.id);
      continue;
    }
    const plan = row.plan ? readRevocationPlan(row.plan, row.id) : null;
    const checkedAt = now.toISOString();
    const finding = plan?.identityCenter ? checkIdentityCenter(plan.identityCenter, plan.entitlementActions, directoryOfScan(), { scanId, checkedAt }) : checkIam(database, scanId, row, plan, checkedAt);
    if (finding.kind === 'not-scanned') {
      summary.notScanned.push(row.id);
      continue;
    }
    if (finding.kind === 'remains') {
      summary.stillGranted.push(row.id);
      const error = `Not applied: the import of scan #${scanId} still shows ${finding.stillShows}. ${finding.rerun}`;
      inWriteTransaction(database, () => {
        const changed = database.update(revocations).set({ status: 'not-applied', error, result: resultWith(row, finding.verification) }).where(and(eq(revocations.id, row.id), eq(revocations.status, row.status))).run().changes;
        if (changed === 1 && row.status !== 'not-applied') appendAudit(database, { actor: 'scan', action: 'revocation.not-applied', objectType: 'revocation', objectId: row.id, before: { status: row.status }, after: { status: 'not-applied', scanId, ...finding.audit } }, now);
      });
      continue;
    }
    inWriteTransaction(database, () => {
      const changed = database.update(revocations).set({ status: 'verified', verifiedAt: checkedAt, error: null, result: resultWith(row, finding.verification) }).where(and(eq(revocations.id, row.id), eq(revocations.status, row.status))).run().changes;
      if (changed === 1) appendAudit(database, { actor: 'scan', action: 'revocation.verified', objectType: 'revocation', objectId: row.id, before: { status: row.status }, after: { status: 'verified', scanId, ...finding.audit } }, now);
    });
    summary.verified.push(row.id);
  }
  return summary;
}
