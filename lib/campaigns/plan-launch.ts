import type { EntitlementPath } from '../analysis/entitlements';
import type { Recommendation, Severity } from '../analysis/types';
import { maskToTiers } from '../analysis/tier-mask';
import { ValidationError } from '../http/errors';
import type { CloseBehaviour } from './close-behaviour';
import type { OutgoingEmail } from './email';
import { policyIdentity, recommendFor, type CampaignItemContext } from './item-context';
import { assignReviewer, type OwnerMappingRule } from './reviewer';
import { matchesScope, type CampaignScope } from './scope';
import { dueDateFor } from './timing';

/** What the admin asked for (the launch input without the database). */
export interface LaunchRequest {
  name: string;
  kind: 'standard' | 'micro';
  scope: CampaignScope;
  dueInDays: number;
  closeBehaviour: CloseBehaviour;
  launchedBy: string;
  fallbackReviewers: readonly string[];
  now: Date;
  definitionId?: number | null;
  /** Micro-certification: only these item keys (entitlement keys; assignment keys for a campaign of subject `assignments`), with why each is there. */
  onlyEntitlements?: ReadonlyMap<string, NonNullable<CampaignItemContext['change']>>;
}

/** One entitlement of the snapshot with its principal, as stored (`actions` already parsed). */
export interface LaunchEntitlementFacts extends EntitlementPath {
  entitlementKey: string;
  tiersMask: number;
  actions: string[];
  isConditional: boolean;
  principalId: number;
  principalArn: string;
  principalName: string;
  principalType: 'user' | 'role';
  principalPath: string;
  permissionSetName: string | null;
  accountId: string;
  ownerEmail: string | null;
  score: number;
  conflictCount: number;
  lastUsedAt: string | null;
}

/** What the snapshot says about an in-scope principal beyond its row: tags, console password, the engine's recommendations. */
export interface LaunchPrincipalDetail {
  principal?: { type?: 'user' | 'role'; tags?: Record<string, string>; credentials?: { hasConsolePassword: boolean } | null };
  recommendations: readonly Recommendation[];
}

export interface LaunchFacts {
  request: LaunchRequest;
  /** The snapshot to freeze; undefined (or unpublished) when there is none. */
  scan: { id: number; status: string; isPublished: boolean } | undefined;
  /** Every entitlement of the snapshot, ordered by account, principal name and key (peers count the whole snapshot). */
  entitlements: readonly LaunchEntitlementFacts[];
  /** In-scope principals only (see `isInLaunchScope`), by principal id. */
  details: ReadonlyMap<number, LaunchPrincipalDetail>;
  /** SoD conflicts of the in-scope principals in this snapshot, by principal id. */
  conflicts: ReadonlyMap<number, { ruleId: string; severity: Severity; title: string }[]>;
  accountOwners: ReadonlyMap<string, string | null>;
  mappings: readonly OwnerMappingRule[];
}

export interface LaunchItemRow {
  principalArn: string;
  principalName: string;
  principalType: 'user' | 'role';
  accountId: string;
  entitlementKey: string;
  reviewerEmail: string;
  reviewerReason: string;
  status: 'pending';
  tiersMask: number;
  score: number;
  context: string;
}

export interface LaunchPlan {
  campaign: { definitionId: number | null; name: string; kind: 'standard' | 'micro'; scope: string; closeBehaviour: CloseBehaviour; status: 'active'; scanId: number; isPartialSnapshot: boolean; launchedAt: string; dueAt: string; launchedBy: string };
  /** The items, without their campaign id (known once the campaign row exists). */
  items: LaunchItemRow[];
  notifications: { userEmail: string; kind: 'campaign-launched'; message: string; link: string; createdAt: string }[];
  /** Emails to send once the transaction has committed. */
  emails: OutgoingEmail[];
  /** The audit entry without its object id (the campaign's id). */
  audit: { actor: string; action: 'campaign.launch'; objectType: 'campaign'; after: Record<string, unknown> };
  result: { scanId: number; itemCount: number; isPartialSnapshot: boolean; reviewerCounts: Record<string, number> };
}

/** Whether one entitlement of the snapshot is in the campaign's scope (and, for a micro-certification, among its keys). */
export function isInLaunchScope(row: LaunchEntitlementFacts, request: Pick<LaunchRequest, 'scope' | 'onlyEntitlements'>): boolean {
  return (
    (!request.onlyEntitlements || request.onlyEntitlements.has(row.entitlementKey)) &&
    matchesScope({ accountId: row.accountId, principalType: row.principalType, score: row.score, tiersMask: row.tiersMask, conflictCount: row.conflictCount }, request.scope)
  );
}

/**
 * Plans a launch: the in-scope entitlements of one published snapshot become items, each with its
 * reviewer (owner mappings, account owner, fallback; never the principal itself) and the facts the
 * reviewer needs; each reviewer gets one notification and one email; one audit entry. Throws
 * ValidationError when there is no published snapshot or nothing is in scope.
 */
export function planLaunch(facts: LaunchFacts): LaunchPlan {
  const { request, scan } = facts;
  if (!scan || !scan.isPublished) throw new ValidationError('No published snapshot to launch on yet: run a scan first.');

  // Peers: who else in the account holds an entitlement through the same policy (whole snapshot, not just the scope).
  const holders = new Map<string, Set<number>>();
  for (const row of facts.entitlements) {
    const key = `${row.accountId}|${policyIdentity(row)}`;
    const set = holders.get(key) ?? new Set<number>();
    set.add(row.principalId);
    holders.set(key, set);
  }

  const inScope = facts.entitlements.filter((row) => isInLaunchScope(row, request));
  if (inScope.length === 0) throw new ValidationError('No Bedrock entitlement of the latest snapshot is in this scope.');

  const launchedAt = request.now.toISOString();
  const dueAt = dueDateFor(request.now, request.dueInDays).toISOString();
  const isPartialSnapshot = scan.status === 'partial';

  const reviewerCounts: Record<string, number> = {};
  const items = inScope.map((row): LaunchItemRow => {
    const detail = facts.details.get(row.principalId);
    const tags = detail?.principal?.tags ?? {};
    const emailTag = Object.entries(tags).find(([key]) => key.toLowerCase() === 'email')?.[1] ?? null;
    const credentials = detail?.principal?.type === 'user' ? detail.principal.credentials : null;
    const reviewer = assignReviewer(
      { type: row.principalType, name: row.principalName, path: row.principalPath, accountId: row.accountId, ownerTag: row.ownerEmail, emailTag: detail ? emailTag : null, tags: detail ? tags : undefined, hasConsolePassword: detail ? (credentials ? credentials.hasConsolePassword : null) : undefined, permissionSetName: row.permissionSetName },
      { mappings: facts.mappings, accountOwnerEmail: facts.accountOwners.get(row.accountId) ?? null, fallbackReviewers: request.fallbackReviewers },
    );
    reviewerCounts[reviewer.email] = (reviewerCounts[reviewer.email] ?? 0) + 1;
    const grantPath: CampaignItemContext['grantPath'] = {
      policyKind: row.policyKind,
      policyArn: row.policyArn,
      policyName: row.policyName,
      isAwsManaged: row.isAwsManaged,
      attachedVia: row.attachedVia,
      groupName: row.groupName,
    };
    const conflicts = facts.conflicts.get(row.principalId) ?? [];
    const peers = holders.get(`${row.accountId}|${policyIdentity(row)}`);
    const context: CampaignItemContext = {
      tiers: maskToTiers(row.tiersMask),
      actions: row.actions,
      grantPath,
      isConditional: row.isConditional,
      score: row.score,
      conflicts,
      lastUsedAt: row.lastUsedAt,
      peerCount: peers ? peers.size - (peers.has(row.principalId) ? 1 : 0) : 0,
      recommendation: recommendFor({ grantPath, recommendations: detail?.recommendations ?? [], conflictCount: conflicts.length, lastUsedAt: row.lastUsedAt, now: request.now }),
      principalEmailTag: detail ? emailTag : null,
      principalPath: row.principalPath,
      permissionSetName: row.permissionSetName,
      selfReviewAvoided: reviewer.selfReviewAvoided,
      change: request.onlyEntitlements?.get(row.entitlementKey) ?? null,
    };
    return {
      principalArn: row.principalArn,
      principalName: row.principalName,
      principalType: row.principalType,
      accountId: row.accountId,
      entitlementKey: row.entitlementKey,
      reviewerEmail: reviewer.email,
      reviewerReason: reviewer.reason,
      status: 'pending',
      tiersMask: row.tiersMask,
      score: row.score,
      context: JSON.stringify(context),
    };
  });

  const link = '/inbox';
  const notifications: LaunchPlan['notifications'] = [];
  const emails: OutgoingEmail[] = [];
  for (const [email, count] of Object.entries(reviewerCounts)) {
    const message = `${count} Bedrock ${count === 1 ? 'entitlement' : 'entitlements'} to review in "${request.name}", due ${dueAt.slice(0, 10)}.`;
    notifications.push({ userEmail: email, kind: 'campaign-launched', message, link, createdAt: launchedAt });
    emails.push({ to: email, subject: `Access review: ${request.name}`, text: `${message}\n\nOpen My reviews: ${link}` });
  }

  return {
    campaign: {
      definitionId: request.definitionId ?? null,
      name: request.name,
      kind: request.kind,
      scope: JSON.stringify(request.scope),
      closeBehaviour: request.closeBehaviour,
      status: 'active',
      scanId: scan.id,
      isPartialSnapshot,
      launchedAt,
      dueAt,
      launchedBy: request.launchedBy,
    },
    items,
    notifications,
    emails,
    audit: {
      actor: request.launchedBy,
      action: 'campaign.launch',
      objectType: 'campaign',
      after: { name: request.name, kind: request.kind, scanId: scan.id, isPartialSnapshot, itemCount: items.length, dueAt, closeBehaviour: request.closeBehaviour, scope: request.scope, definitionId: request.definitionId ?? null },
    },
    result: { scanId: scan.id, itemCount: items.length, isPartialSnapshot, reviewerCounts },
  };
}
