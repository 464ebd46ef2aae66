import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, campaignItems, campaigns, identityCenterInstances, notifications, ownerMappings } from '../../schema';
import { appendAudit } from '../audit';
import { ValidationError } from '../../../lib/http/errors';
import { planAssignmentItems } from '../../../lib/campaigns/assignment-items';
import type { OwnerMappingRule } from '../../../lib/campaigns/reviewer';
import { dueDateFor } from '../../../lib/campaigns/timing';
import type { OutgoingEmail } from '../../../lib/campaigns/email';
import type { LaunchRequest } from '../../../lib/campaigns/plan-launch';
import { readAssignmentFacts } from './assignment-facts';
import { findLaunchScan } from './find-launch-scan';
import type { LaunchCampaignResult } from './launch';
import { inWriteTransaction } from '../../write-transaction';

/** The same request as an entitlement launch; `onlyEntitlements` names assignment keys (`assignment|…`). */
export type LaunchAssignmentCampaignInput = LaunchRequest & { scanId?: number };


const INSERT_CHUNK = 200;

/**
 * Launches a campaign whose subject is Identity Center assignments (#14): one item per (person,
 * permission set, account, via) of one published snapshot (lib/campaigns/assignment-items), each
 * with its reviewer, then notifications and the audit entry, in ONE synchronous transaction.
 * Throws ValidationError when the snapshot read no Identity Center or nothing is in scope.
 */
export function launchAssignmentCampaign(database: AppDatabase, input: LaunchAssignmentCampaignInput): LaunchCampaignResult {
  return inWriteTransaction(database, () => {
    const scan = findLaunchScan(database, input.scanId);
    if (!scan || !scan.isPublished) throw new ValidationError('No published snapshot to launch on yet: run a scan first.');
    const instance = database.select({ instanceArn: identityCenterInstances.instanceArn }).from(identityCenterInstances).where(eq(identityCenterInstances.scanId, scan.id)).get();
    if (!instance) throw new ValidationError('The latest snapshot read no IAM Identity Center: there are no assignments to certify.');

    const facts = readAssignmentFacts(database, scan.id);
    const accountOwners = new Map(database.select({ id: accounts.id, ownerEmail: accounts.ownerEmail }).from(accounts).all().map((account) => [account.id, account.ownerEmail]));
    const mappings: OwnerMappingRule[] = database.select().from(ownerMappings).all();
    let drafts;
    try {
      drafts = planAssignmentItems(facts, input.scope, { mappings, accountOwners, fallbackReviewers: input.fallbackReviewers }, input.now, input.onlyEntitlements);
    } catch (error) {
      throw new ValidationError((error as Error).message);
    }
    if (drafts.length === 0) throw new ValidationError('No Identity Center assignment with Bedrock access in the latest snapshot is in this scope.');

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
    const values = drafts.map(({ context, ...draft }) => {
      reviewerCounts[draft.reviewerEmail] = (reviewerCounts[draft.reviewerEmail] ?? 0) + 1;
      return { ...draft, campaignId: campaign.id, itemKind: 'assignment' as const, status: 'pending' as const, context: JSON.stringify(context) };
    });
    for (let index = 0; index < values.length; index += INSERT_CHUNK) {
      database.insert(campaignItems).values(values.slice(index, index + INSERT_CHUNK)).run();
    }

    const link = '/inbox';
    const emails: OutgoingEmail[] = [];
    for (const [email, count] of Object.entries(reviewerCounts)) {
      const message = `${count} Identity Center ${count === 1 ? 'assignment' : 'assignments'} to review in "${input.name}", due ${dueAt.slice(0, 10)}.`;
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
        after: { name: input.name, kind: input.kind, subject: 'assignments', scanId: scan.id, isPartialSnapshot, itemCount: values.length, dueAt, closeBehaviour: input.closeBehaviour, scope: input.scope, definitionId: input.definitionId ?? null },
      },
      input.now,
    );
    return { campaignId: campaign.id, scanId: scan.id, itemCount: values.length, isPartialSnapshot, reviewerCounts, emails };
  });
}
