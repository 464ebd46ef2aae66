import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, campaignItems, campaigns, entitlements, notifications, ownerMappings, principals, scans, sodConflicts } from '../../schema';
import type { StoredPrincipalAnalysis, StoredPrincipalFacts } from '../../schema/stored-json';
import { appendAudit } from '../audit';
import { ValidationError } from '../../../lib/http/errors';
import { maskToTiers } from '../../../lib/analysis/tier-mask';
import type { Severity } from '../../../lib/analysis/types';
import { matchesScope, type CampaignScope } from '../../../lib/campaigns/scope';
import { assignReviewer, type OwnerMappingRule } from '../../../lib/campaigns/reviewer';
import { policyIdentity, recommendFor, type CampaignItemContext } from '../../../lib/campaigns/item-context';
import { dueDateFor } from '../../../lib/campaigns/timing';
import type { CloseBehaviour } from '../../../lib/campaigns/close-behaviour';
import type { OutgoingEmail } from '../../../lib/campaigns/email';
import { inWriteTransaction } from './transaction';
import { launchAssignmentCampaign } from './launch-assignments';

export interface LaunchCampaignInput {
  name: string;
  kind: 'standard' | 'micro';
  scope: CampaignScope;
  dueInDays: number;
  closeBehaviour: CloseBehaviour;
  launchedBy: string;
  fallbackReviewers: readonly string[];
  now: Date;
  definitionId?: number | null;
  /** The snapshot to freeze; default the latest published one. */
  scanId?: number;
  /** Micro-certification: only these entitlement keys, with why each is there. */
  onlyEntitlements?: ReadonlyMap<string, NonNullable<CampaignItemContext['change']>>;
}

export interface LaunchCampaignResult {
  campaignId: number;
  scanId: number;
  itemCount: number;
  isPartialSnapshot: boolean;
  reviewerCounts: Record<string, number>;
  /** Notification emails to send once the transaction has committed. */
  emails: OutgoingEmail[];
}

/** The latest published snapshot (the one pages show), or undefined before the first scan. */
export function findLatestPublishedScan(database: AppDatabase): { id: number; status: string } | undefined {
  return database
    .select({ id: scans.id, status: scans.status })
    .from(scans)
    .where(eq(scans.isPublished, true))
    .orderBy(desc(scans.finishedAt), desc(scans.id))
    .limit(1)
    .get();
}

const INSERT_CHUNK = 400;

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * Launches a campaign: freezes the in-scope entitlements of one published snapshot as items, each
 * with its reviewer and the facts the reviewer needs, notifies the reviewers and audits the launch,
 * all in ONE synchronous transaction. Throws ValidationError when nothing is in scope.
 */
export function launchCampaign(database: AppDatabase, input: LaunchCampaignInput): LaunchCampaignResult {
  if (input.scope.subject === 'assignments') return launchAssignmentCampaign(database, input);
  return inWriteTransaction(database, () => {
    const scan = input.scanId
      ? database.select({ id: scans.id, status: scans.status, isPublished: scans.isPublished }).from(scans).where(eq(scans.id, input.scanId)).get()
      : findLatestPublishedScan(database);
    if (!scan || ('isPublished' in scan && !scan.isPublished)) throw new ValidationError('No published snapshot to launch on yet: run a scan first.');

    const rows = database
      .select({
        entitlementKey: entitlements.entitlementKey,
        policyKind: entitlements.policyKind,
        policyArn: entitlements.policyArn,
        policyName: entitlements.policyName,
        isAwsManaged: entitlements.isAwsManaged,
        attachedVia: entitlements.attachedVia,
        groupName: entitlements.groupName,
        tiersMask: entitlements.tiersMask,
        actions: entitlements.actions,
        isConditional: entitlements.isConditional,
        principalId: principals.id,
        principalArn: principals.arn,
        principalName: principals.name,
        principalType: principals.type,
        principalPath: principals.path,
        permissionSetName: principals.permissionSetName,
        accountId: principals.accountId,
        ownerEmail: principals.ownerEmail,
        score: principals.score,
        conflictCount: principals.conflictCount,
        lastUsedAt: principals.lastUsedAt,
      })
      .from(entitlements)
      .innerJoin(principals, eq(principals.id, entitlements.principalId))
      .where(eq(entitlements.scanId, scan.id))
      .orderBy(principals.accountId, principals.name, entitlements.entitlementKey)
      .all();

    // Peers: who else in the account holds an entitlement through the same policy (whole snapshot, not just the scope).
    const holders = new Map<string, Set<number>>();
    for (const row of rows) {
      const key = `${row.accountId}|${policyIdentity(row)}`;
      const set = holders.get(key) ?? new Set<number>();
      set.add(row.principalId);
      holders.set(key, set);
    }

    const inScope = rows.filter(
      (row) =>
        (!input.onlyEntitlements || input.onlyEntitlements.has(row.entitlementKey)) &&
        matchesScope({ accountId: row.accountId, principalType: row.principalType, score: row.score, tiersMask: row.tiersMask, conflictCount: row.conflictCount }, input.scope),
    );
    if (inScope.length === 0) throw new ValidationError('No Bedrock entitlement of the latest snapshot is in this scope.');

    const principalIds = [...new Set(inScope.map((row) => row.principalId))];
    const details = new Map<number, { emailTag: string | null; tags: Record<string, string>; hasConsolePassword: boolean | null; analysis: StoredPrincipalAnalysis | null }>();
    const conflictsByPrincipal = new Map<number, CampaignItemContext['conflicts']>();
    for (let index = 0; index < principalIds.length; index += INSERT_CHUNK) {
      const chunk = principalIds.slice(index, index + INSERT_CHUNK);
      for (const principal of database.select({ id: principals.id, facts: principals.facts, analysis: principals.analysis }).from(principals).where(inArray(principals.id, chunk)).all()) {
        const facts = parseJson<Partial<StoredPrincipalFacts>>(principal.facts, {});
        const tags = facts.principal?.tags ?? {};
        const emailTag = Object.entries(tags).find(([key]) => key.toLowerCase() === 'email')?.[1] ?? null;
        const credentials = facts.principal?.type === 'user' ? facts.principal.credentials : null;
        details.set(principal.id, { emailTag, tags, hasConsolePassword: credentials ? credentials.hasConsolePassword : null, analysis: parseJson<StoredPrincipalAnalysis | null>(principal.analysis, null) });
      }
      for (const conflict of database
        .select({ principalId: sodConflicts.principalId, ruleId: sodConflicts.ruleId, severity: sodConflicts.severity, title: sodConflicts.title })
        .from(sodConflicts)
        .where(and(eq(sodConflicts.scanId, scan.id), inArray(sodConflicts.principalId, chunk)))
        .all()) {
        const list = conflictsByPrincipal.get(conflict.principalId) ?? [];
        list.push({ ruleId: conflict.ruleId, severity: conflict.severity as Severity, title: conflict.title });
        conflictsByPrincipal.set(conflict.principalId, list);
      }
    }

    const accountOwners = new Map(database.select({ id: accounts.id, ownerEmail: accounts.ownerEmail }).from(accounts).all().map((account) => [account.id, account.ownerEmail]));
    const mappings: OwnerMappingRule[] = database.select().from(ownerMappings).all();

    const launchedAt = input.now.toISOString();
    const dueAt = dueDateFor(input.now, input.dueInDays).toISOString();
    const isPartialSnapshot = scan.status === 'partial';
    const campaign = database
      .insert(campaigns)
      .values({
        definitionId: input.definitionId ?? null,
        name: input.name,
        kind: input.kind,
        scope: JSON.stringify(input.scope),
        closeBehaviour: input.closeBehaviour,
        status: 'active',
        scanId: scan.id,
        isPartialSnapshot,
        launchedAt,
        dueAt,
        launchedBy: input.launchedBy,
      })
      .returning({ id: campaigns.id })
      .get();

    const reviewerCounts: Record<string, number> = {};
    const values = inScope.map((row) => {
      const detail = details.get(row.principalId);
      const reviewer = assignReviewer(
        { type: row.principalType, name: row.principalName, path: row.principalPath, accountId: row.accountId, ownerTag: row.ownerEmail, emailTag: detail?.emailTag ?? null, tags: detail?.tags, hasConsolePassword: detail?.hasConsolePassword, permissionSetName: row.permissionSetName },
        { mappings, accountOwnerEmail: accountOwners.get(row.accountId) ?? null, fallbackReviewers: input.fallbackReviewers },
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
      const conflicts = conflictsByPrincipal.get(row.principalId) ?? [];
      const peers = holders.get(`${row.accountId}|${policyIdentity(row)}`);
      const context: CampaignItemContext = {
        tiers: maskToTiers(row.tiersMask),
        actions: parseJson<string[]>(row.actions, []),
        grantPath,
        isConditional: row.isConditional,
        score: row.score,
        conflicts,
        lastUsedAt: row.lastUsedAt,
        peerCount: peers ? peers.size - (peers.has(row.principalId) ? 1 : 0) : 0,
        recommendation: recommendFor({ grantPath, recommendations: detail?.analysis?.recommendations ?? [], conflictCount: conflicts.length, lastUsedAt: row.lastUsedAt, now: input.now }),
        principalEmailTag: detail?.emailTag ?? null,
        principalPath: row.principalPath,
        permissionSetName: row.permissionSetName,
        selfReviewAvoided: reviewer.selfReviewAvoided,
        change: input.onlyEntitlements?.get(row.entitlementKey) ?? null,
      };
      return {
        campaignId: campaign.id,
        principalArn: row.principalArn,
        principalName: row.principalName,
        principalType: row.principalType,
        accountId: row.accountId,
        entitlementKey: row.entitlementKey,
        reviewerEmail: reviewer.email,
        reviewerReason: reviewer.reason,
        status: 'pending' as const,
        tiersMask: row.tiersMask,
        score: row.score,
        context: JSON.stringify(context),
      };
    });
    for (let index = 0; index < values.length; index += INSERT_CHUNK) {
      database.insert(campaignItems).values(values.slice(index, index + INSERT_CHUNK)).run();
    }

    const link = '/inbox';
    const emails: OutgoingEmail[] = [];
    for (const [email, count] of Object.entries(reviewerCounts)) {
      const message = `${count} Bedrock ${count === 1 ? 'entitlement' : 'entitlements'} to review in "${input.name}", due ${dueAt.slice(0, 10)}.`;
      database.insert(notifications).values({ userEmail: email, kind: 'campaign-launched', message, link, createdAt: launchedAt }).run();
      emails.push({ to: email, subject: `Access review: ${input.name}`, text: `${message}\n\nOpen My reviews: ${link}` });
    }

    appendAudit(
      database,
      {
        actor: input.launchedBy,
        action: 'campaign.launch',
        objectType: 'campaign',
        objectId: campaign.id,
        after: { name: input.name, kind: input.kind, scanId: scan.id, isPartialSnapshot, itemCount: values.length, dueAt, closeBehaviour: input.closeBehaviour, scope: input.scope, definitionId: input.definitionId ?? null },
      },
      input.now,
    );
    return { campaignId: campaign.id, scanId: scan.id, itemCount: values.length, isPartialSnapshot, reviewerCounts, emails };
  });
}
