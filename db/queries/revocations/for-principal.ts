import { and, desc, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { revocations, type RevocationStatus } from '../../schema';
import type { RevocationPlan } from '../../../lib/revocations/types';
import { readRevocationPlanPath } from '../../stored-json/revocation-columns';
import { revocationScope, type RevocationViewer } from './list';

/** One revocation as the principal page shows it beside the grant it is about. */
export interface PrincipalRevocation {
  id: number;
  status: RevocationStatus;
  entitlementKey: string;
  /** "AmazonBedrockFullAccess, attached directly": readable when the grant is no longer in the snapshot. */
  grantLabel: string;
  requestedAt: string;
  /** When it took effect: verified, else executed (null while it has not run, or an offline script awaits confirmation). */
  effectiveAt: string | null;
  /** When the IAM calls ran (null until they have): compared with the snapshot's time to say whether a re-scan can tell. */
  executedAt: string | null;
}

/**
 * The grant an entitlement key names, in words. Keys are `<arn>|<policy>|<via>` (see
 * lib/analysis/entitlements.ts) and ARNs never contain `|`; requests from campaign decisions have
 * no plan until an admin approves them, so the key is the only description every row has.
 */
export function describeEntitlementKey(key: string, plan: Pick<RevocationPlan, 'path'> | null): string {
  if (plan) return `${plan.path.policyName}, ${plan.path.attachedVia === 'group' ? `via group ${plan.path.groupName ?? '?'}` : 'attached directly'}`;
  const [, policy = key, via = 'direct'] = key.split('|');
  const policyName = policy.startsWith('inline:') ? policy.slice('inline:'.length) : (policy.split('/').pop() ?? policy);
  return `${policyName}, ${via.startsWith('group:') ? `via group ${via.slice('group:'.length)}` : 'attached directly'}`;
}

/**
 * Every revocation of one principal's grants, newest first, keyed by entitlement key. Entitlement
 * keys are stable across snapshots while principal ids are not, so this is what lets a principal
 * page of any snapshot show that a grant is being (or was) revoked, and list revoked grants that the
 * snapshot no longer holds. Scoped like the revocation pages: owners see only their principals'.
 */
export function listRevocationsOfPrincipal(database: AppDatabase, principalArn: string, viewer: RevocationViewer): Map<string, PrincipalRevocation[]> {
  const rows = database
    .select({
      id: revocations.id,
      status: revocations.status,
      entitlementKey: revocations.entitlementKey,
      requestedAt: revocations.requestedAt,
      executedAt: revocations.executedAt,
      verifiedAt: revocations.verifiedAt,
      plan: revocations.plan,
    })
    .from(revocations)
    .where(and(eq(revocations.principalArn, principalArn), revocationScope(database, viewer)))
    .orderBy(desc(revocations.id))
    .all();
  const byKey = new Map<string, PrincipalRevocation[]>();
  for (const row of rows) {
    const plan = row.plan ? readRevocationPlanPath(row.plan, row.id) : null;
    const list = byKey.get(row.entitlementKey) ?? [];
    list.push({ id: row.id, status: row.status, entitlementKey: row.entitlementKey, grantLabel: describeEntitlementKey(row.entitlementKey, plan), requestedAt: row.requestedAt, effectiveAt: row.verifiedAt ?? (row.status === 'awaiting-confirmation' || row.status === 'not-applied' ? null : row.executedAt), executedAt: row.executedAt });
    byKey.set(row.entitlementKey, list);
  }
  return byKey;
}
