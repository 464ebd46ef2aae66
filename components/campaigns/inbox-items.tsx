import type { ItemUsageEvidence } from '@/lib/usage/item-usage-evidence';
import type { AssignmentItemView } from './assignment-item-context';

/** What the inbox shows of one item: shaped on the server, no whole rows. */
export interface InboxItemView {
  id: number;
  version: number;
  campaignId: number;
  campaignName: string;
  campaignDueAt: string;
  isPartialSnapshot: boolean;
  principalName: string;
  /** What the row shows: a permission set's name for its `AWSReservedSSO_*` role (the role name on hover), else the principal's name. */
  shortName: string;
  /** The principal is the role of an Identity Center permission set (shown with an "SSO" tag). */
  isPermissionSetRole?: boolean;
  principalType: string;
  principalArn: string;
  accountId: string;
  status: string;
  score: number;
  keepUntil: string | null;
  reviewerReason: string;
  /** Who reviews the item (shown on the campaign page; the inbox is the reviewer's own). */
  reviewerEmail?: string;
  policyLabel: string;
  tiers: string[];
  actionCount: number;
  sampleActions: string[];
  /** The conflicts this entitlement takes part in (see `splitItemConflicts`), with the side it stands on. */
  conflicts: { ruleId: string; severity: string; title: string; participation?: 'side-a' | 'side-b' | 'both' | 'unknown' }[];
  /** How many of the principal's conflicts come from its other grants only. */
  otherConflictCount?: number;
  /** The account's name where one is registered. */
  accountName?: string | null;
  /** How the entitlement is granted (for the details shown in place). */
  grantPath?: { policyKind: 'managed' | 'inline'; policyArn: string | null; policyName: string; isAwsManaged: boolean; attachedVia: 'direct' | 'group'; groupName: string | null };
  /** The principal's page (in the snapshot the campaign was launched on), where the viewer may open it. */
  principalId?: number | null;
  lastUsedAt: string | null;
  peerCount: number;
  recommendation: { decision: 'revoke' | 'attest' | 'review'; reason: string };
  change: string | null;
  lastDecision: { kind: string; justification: string; decidedBy: string; decidedAt: string } | null;
  /** CloudTrail evidence of the item's actions; null when none was imported; absent where not loaded. */
  usage?: ItemUsageEvidence | null;
  /** Set when IAM refuses changes to the principal (SSO, service-linked): what a revoke decision leads to. */
  protectionReason?: string | null;
  /** The revocation a revoke decision created: "revocation requested / applied / verified". */
  revocation?: { id: number; label: string } | null;
  /** Identity Center assignment items (#14): the person, the permission set, the group and the person's other access. */
  assignment?: AssignmentItemView | null;
}
