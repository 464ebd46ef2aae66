import { and, eq, inArray } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, actionLists, campaignItems, campaigns, entitlements, notifications, ownerMappings, principals, sodConflicts } from '../../schema';
import { readEntitlementActions } from '../../stored-json/grant-columns';
import { readPrincipalRecommendations, readPrincipalReviewerFacts } from '../../stored-json/principal-columns';
import { appendAudit } from '../audit';
import type { Severity } from '../../../lib/analysis/types';
import type { CampaignItemContext } from '../../../lib/campaigns/item-context';
import type { OutgoingEmail } from '../../../lib/campaigns/email';
import { isInLaunchScope, planLaunch, type LaunchFacts, type LaunchPlan, type LaunchPrincipalDetail, type LaunchRequest } from '../../../lib/campaigns/plan-launch';
import { inWriteTransaction } from '../../write-transaction';
import { findLaunchScan } from './find-launch-scan';
import { entitlementPathColumns } from '../entitlement-path-columns';
import { launchAssignmentCampaign } from './launch-assignments';
import { readScanEntitlements } from '../read-scan-entitlements';

export interface LaunchCampaignInput extends LaunchRequest {
  /** The snapshot to freeze; default the latest published one. */
  scanId?: number;
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

const INSERT_CHUNK = 400;

/** The facts a launch is planned from: the snapshot, its entitlements, the in-scope principals' details and conflicts, account owners, owner mappings. */
function readLaunchFacts(database: AppDatabase, input: LaunchCampaignInput): LaunchFacts {
  const scan = findLaunchScan(database, input.scanId);
  const facts: LaunchFacts = { request: input, scan, entitlements: [], details: new Map(), conflicts: new Map(), accountOwners: new Map(), mappings: [] };
  if (!scan || !scan.isPublished) return facts;

  const rows = readScanEntitlements(
    database,
    scan.id,
    {
      entitlementId: entitlements.id,
      entitlementKey: entitlements.entitlementKey,
      ...entitlementPathColumns,
      tiersMask: entitlements.tiersMask,
      actions: actionLists.list,
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
    },
    { orderBy: [principals.accountId, principals.name, entitlements.entitlementKey] },
  );
  const entitlementFacts = rows.map(({ entitlementId, ...row }) => ({ ...row, actions: readEntitlementActions(row.actions, entitlementId) }));

  const principalIds = [...new Set(entitlementFacts.filter((row) => isInLaunchScope(row, input)).map((row) => row.principalId))];
  const details = new Map<number, LaunchPrincipalDetail>();
  const conflicts = new Map<number, CampaignItemContext['conflicts']>();
  for (let index = 0; index < principalIds.length; index += INSERT_CHUNK) {
    const chunk = principalIds.slice(index, index + INSERT_CHUNK);
    for (const principal of database.select({ id: principals.id, facts: principals.facts, analysis: principals.analysis }).from(principals).where(inArray(principals.id, chunk)).all()) {
      details.set(principal.id, { principal: readPrincipalReviewerFacts(principal.facts, principal.id), recommendations: readPrincipalRecommendations(principal.analysis, principal.id) });
    }
    for (const conflict of database
      .select({ principalId: sodConflicts.principalId, ruleId: sodConflicts.ruleId, severity: sodConflicts.severity, title: sodConflicts.title })
      .from(sodConflicts)
      .where(and(eq(sodConflicts.scanId, scan.id), inArray(sodConflicts.principalId, chunk)))
      .all()) {
      const list = conflicts.get(conflict.principalId) ?? [];
      list.push({ ruleId: conflict.ruleId, severity: conflict.severity as Severity, title: conflict.title });
      conflicts.set(conflict.principalId, list);
    }
  }
  return {
    ...facts,
    entitlements: entitlementFacts,
    details,
    conflicts,
    accountOwners: new Map(database.select({ id: accounts.id, ownerEmail: accounts.ownerEmail }).from(accounts).all().map((account) => [account.id, account.ownerEmail])),
    mappings: database.select().from(ownerMappings).all(),
  };
}

/** Writes a launch plan; returns the new campaign's id. */
function writeLaunchPlan(database: AppDatabase, plan: LaunchPlan, now: Date): number {
  const campaign = database.insert(campaigns).values(plan.campaign).returning({ id: campaigns.id }).get();
  const values = plan.items.map((item) => ({ campaignId: campaign.id, ...item }));
  for (let index = 0; index < values.length; index += INSERT_CHUNK) {
    database.insert(campaignItems).values(values.slice(index, index + INSERT_CHUNK)).run();
  }
  for (const notification of plan.notifications) database.insert(notifications).values(notification).run();
  appendAudit(database, { ...plan.audit, objectId: campaign.id }, now);
  return campaign.id;
}

/**
 * Launches a campaign: freezes the in-scope entitlements of one published snapshot as items, each
 * with its reviewer and the facts the reviewer needs, notifies the reviewers and audits the launch,
 * all in ONE synchronous transaction. Throws ValidationError when nothing is in scope. The rules
 * live in lib/campaigns/plan-launch.ts; this reads the facts and writes the plan.
 */
export function launchCampaign(database: AppDatabase, input: LaunchCampaignInput): LaunchCampaignResult {
  if (input.scope.subject === 'assignments') return launchAssignmentCampaign(database, input);
  return inWriteTransaction(database, () => {
    const plan = planLaunch(readLaunchFacts(database, input));
    const campaignId = writeLaunchPlan(database, plan, input.now);
    return { campaignId, ...plan.result, emails: plan.emails };
  });
}
