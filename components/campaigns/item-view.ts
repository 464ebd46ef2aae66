import type { ItemRow } from '@/db/queries/campaigns/inbox';
import type { InboxItemView } from './inbox-items';
import { protectionOf } from '@/lib/revocations/protected-principal';
import { campaignRevocationLabel } from '@/lib/revocations/lifecycle';
import type { RevocationStatus } from '@/db/schema/revocations';
import type { AssignmentItemContext } from '@/lib/campaigns/assignment-items';
import type { AssignmentItemView } from './assignment-item-context';
import type { AttributableConflict } from '@/lib/analysis/sod/attribute-conflict';
import { recommendationForItem, splitItemConflicts, type ItemConflicts } from '@/lib/campaigns/item-conflicts';

/** Facts read beside the page's rows: account names, the conflicts' sides, principal pages. */
export interface ItemViewExtras {
  accountNames?: ReadonlyMap<string, string>;
  conflictSides?: ReadonlyMap<number, AttributableConflict[]>;
  principalIds?: ReadonlyMap<number, number>;
}

const SAMPLE_ACTIONS = 8;

function changeLabel(change: ItemRow['context']['change']): string | null {
  if (!change) return null;
  if (change.kind === 'new') return 'New access';
  if (change.kind === 'widened') return `Widened: +${change.addedActions.length} actions`;
  return 'Attestation expired';
}

/** "AmazonBedrockFullAccess via group ml-team" */
export function policyLabel(grantPath: ItemRow['context']['grantPath']): string {
  const kind = grantPath.policyKind === 'inline' ? 'inline policy ' : '';
  const via = grantPath.attachedVia === 'group' ? ` via group ${grantPath.groupName ?? ''}` : '';
  return `${kind}${grantPath.policyName}${via}`;
}

/** The assignment part of an assignment item (#14), or null for an entitlement item. */
export function toAssignmentItemView(context: ItemRow['context']): AssignmentItemView | null {
  const assignment = (context as Partial<AssignmentItemContext>).assignment;
  if (!assignment) return null;
  return {
    userId: assignment.userId,
    userName: assignment.userName,
    displayName: assignment.displayName,
    email: assignment.email,
    permissionSetName: assignment.permissionSetName,
    via: assignment.via,
    groupName: assignment.groupName,
    groupMemberCount: assignment.groupMemberCount,
    roleName: assignment.roleName,
    policies: assignment.entitlements.map((entitlement) => ({ policyName: entitlement.policyName, tiers: entitlement.tiers, actionCount: entitlement.actionCount })),
    person: { tiers: assignment.person.tiers, score: assignment.person.score, accountCount: assignment.person.accountCount },
    otherAccess: assignment.otherAccess,
    otherAccessCount: assignment.otherAccessCount,
  };
}

/**
 * "Permission set BedrockDeveloper via group ML-Engineers in 111122223333" / "… assigned directly in …":
 * a person often holds the same set through the same group in several accounts, and the decision
 * buttons are named after this label, so it names the account.
 */
function assignmentLabel(assignment: AssignmentItemView, accountId: string): string {
  return `Permission set ${assignment.permissionSetName} ${assignment.groupName ? `via group ${assignment.groupName}` : 'assigned directly'} in ${accountId}`;
}

/** Shapes a page row for the browser: only what the inbox shows. */
export function toInboxItemView(row: ItemRow, revocation?: { id: number; status: RevocationStatus }, extras: ItemViewExtras = {}): InboxItemView {
  const context = row.context;
  const assignment = toAssignmentItemView(context);
  if (assignment) {
    return {
      ...toEntitlementItemView(row, revocation, extras),
      principalName: assignment.displayName ? `${assignment.displayName} (${assignment.userName})` : assignment.userName,
      shortName: assignment.displayName ?? assignment.userName,
      principalType: 'Identity Center person',
      policyLabel: assignmentLabel(assignment, row.accountId),
      // Revoking an assignment is carried out at Identity Center, not on the role: no IAM refusal.
      protectionReason: null,
      assignment,
    };
  }
  return toEntitlementItemView(row, revocation, extras);
}

function toEntitlementItemView(row: ItemRow, revocation: { id: number; status: RevocationStatus } | undefined, extras: ItemViewExtras): InboxItemView {
  const context = row.context;
  const protection = protectionOf({ arn: row.principalArn });
  // Without the sides read (older callers), every conflict of the principal stays with the item.
  const conflicts: ItemConflicts = extras.conflictSides ? splitItemConflicts(context, extras.conflictSides.get(row.id)) : { own: context.conflicts.map((conflict) => ({ ...conflict, participation: 'unknown' as const })), otherCount: 0 };
  return {
    id: row.id,
    version: row.version,
    campaignId: row.campaignId,
    campaignName: row.campaignName,
    campaignDueAt: row.campaignDueAt,
    isPartialSnapshot: row.isPartialSnapshot,
    principalName: context.permissionSetName ? `${row.principalName} (permission set ${context.permissionSetName})` : row.principalName,
    shortName: context.permissionSetName ?? row.principalName,
    isPermissionSetRole: Boolean(context.permissionSetName),
    principalType: row.principalType,
    principalArn: row.principalArn,
    accountId: row.accountId,
    status: row.status,
    score: row.score,
    keepUntil: row.keepUntil,
    reviewerReason: row.reviewerReason,
    reviewerEmail: row.reviewerEmail,
    policyLabel: policyLabel(context.grantPath),
    tiers: context.tiers,
    actionCount: context.actions.length,
    sampleActions: context.actions.slice(0, SAMPLE_ACTIONS),
    conflicts: conflicts.own,
    otherConflictCount: conflicts.otherCount,
    accountName: extras.accountNames?.get(row.accountId) ?? null,
    grantPath: context.grantPath,
    principalId: extras.principalIds?.get(row.id) ?? null,
    lastUsedAt: context.lastUsedAt,
    peerCount: context.peerCount,
    recommendation: recommendationForItem(context.recommendation, conflicts),
    change: changeLabel(context.change),
    lastDecision: row.lastDecision,
    protectionReason: protection ? protection.reason : null,
    revocation: revocation ? { id: revocation.id, label: campaignRevocationLabel(revocation.status) } : null,
  };
}
