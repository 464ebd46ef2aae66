import type { AppDatabase } from '../client';
import { protectionOf } from '../../lib/revocations/protected-principal';
import { usedBedrockOf } from '../../lib/usage/used-bedrock';
import type { UsedBedrock } from '../../lib/analysis/recommendations/replacement-policy';
import { getPeopleBehindRole } from './people/people-behind-role';
import { getPrincipalDetail, getPrincipalHistory, listPrincipalConflicts, listPrincipalEntitlements, type PrincipalConflict, type PrincipalDetail, type PrincipalEntitlement, type PrincipalHistoryPoint } from './principals';
import { listRevocationsOfPrincipal, type PrincipalRevocation } from './revocations/for-principal';
import { getLatestPublishedScanId } from './scans';
import { getPrincipalUsageView, type PrincipalUsageView } from './usage-principal-view';
import type { Viewer } from './viewer';

export interface PrincipalPage {
  principal: PrincipalDetail;
  entitlements: PrincipalEntitlement[];
  conflicts: PrincipalConflict[];
  history: PrincipalHistoryPoint[];
  /** Keyed by entitlement key, stable across snapshots: also lists grants this snapshot no longer holds. */
  revocationsByKey: Map<string, PrincipalRevocation[]>;
  /** Why this principal cannot be revoked here (a service-linked role), else null. */
  protectionReason: string | null;
  usageView: PrincipalUsageView;
  used: UsedBedrock | null;
  /** People behind an SSO role: organisation-wide data, for admins and auditors only. */
  peopleBehind: ReturnType<typeof getPeopleBehindRole> | null;
}

/** Everything the principal page shows, scoped to the viewer; throws NotFoundError when not visible. */
export function getPrincipalPage(database: AppDatabase, viewer: Viewer, principalId: number): PrincipalPage {
  const principal = getPrincipalDetail(database, viewer, principalId, getLatestPublishedScanId(database));
  const entitlements = listPrincipalEntitlements(database, viewer, principal.id);
  const protection = protectionOf({ arn: principal.arn });
  const usageView = getPrincipalUsageView(database, principal.scanId, principal, entitlements.flatMap((entitlement) => entitlement.statements.flatMap((statement) => statement.actions)));
  return {
    principal,
    entitlements,
    conflicts: listPrincipalConflicts(database, viewer, principal.id),
    history: getPrincipalHistory(database, viewer, principal.arn),
    revocationsByKey: listRevocationsOfPrincipal(database, principal.arn, viewer),
    // SSO roles are revoked at Identity Center (the plan says how, or why not); service-linked roles never.
    protectionReason: protection?.kind === 'service-linked' ? protection.reason : null,
    usageView,
    used: usedBedrockOf(usageView.usage.detail, usageView.usage.hasCloudTrail, principal.accountId),
    peopleBehind: principal.permissionSetName && viewer.role !== 'owner' ? getPeopleBehindRole(database, principal.scanId, principal.arn) : null,
  };
}
