import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { accounts, campaignDefinitions, campaignItems, campaigns, notifications, users } from '../../schema';
import type { AppConfig } from '../../../lib/config/schema';
import { ValidationError } from '../../../lib/http/errors';
import { sendEmails, type OutgoingEmail } from '../../../lib/campaigns/email';
import { isAutoCloseDue, isEscalationDue, isReminderDue, isScheduledLaunchDue } from '../../../lib/campaigns/timing';
import { closeCampaign } from './close';
import { launchDefinition } from './definitions';
import { relaunchExpiredAttestationsNow } from './micro';
import { inWriteTransaction } from '../../write-transaction';

export const WORKER_ACTOR = 'system:worker';

export interface ScheduleRunReport {
  launchedCampaignIds: number[];
  skippedDefinitions: { definitionId: number; reason: string }[];
  remindedCampaignIds: number[];
  escalatedCampaignIds: number[];
  closedCampaignIds: number[];
  /** Micro campaigns of expired keep-until attestations: entitlements, then assignments. */
  relaunchedCampaignIds: number[];
  emailCount: number;
}

function notify(database: AppDatabase, emails: OutgoingEmail[], to: string, kind: string, subject: string, message: string, link: string, at: string): void {
  database.insert(notifications).values({ userEmail: to, kind, message, link, createdAt: at }).run();
  emails.push({ to, subject, text: `${message}\n\n${link}` });
}

function pendingByReviewer(database: AppDatabase, campaignId: number) {
  return database
    .select({ reviewerEmail: campaignItems.reviewerEmail, pending: sql<number>`count(*)` })
    .from(campaignItems)
    .where(and(eq(campaignItems.campaignId, campaignId), eq(campaignItems.status, 'pending')))
    .groupBy(campaignItems.reviewerEmail)
    .all();
}

/**
 * The worker's campaign tick (call it every minute): launches scheduled definitions whose cron
 * time came (croner's next run after the last launch), reminds reviewers with undecided items
 * `reminderDaysBeforeDue` days before the due date, and at the due date escalates to the account
 * owners and admins and then closes the campaign with its close behaviour. Also relaunches
 * expired time-bound attestations. Each step is its own transaction; emails go after commit.
 */
export async function runCampaignSchedules(database: AppDatabase, config: AppConfig, now: Date): Promise<ScheduleRunReport> {
  const report: ScheduleRunReport = {
    launchedCampaignIds: [],
    skippedDefinitions: [],
    remindedCampaignIds: [],
    escalatedCampaignIds: [],
    closedCampaignIds: [],
    relaunchedCampaignIds: [],
    emailCount: 0,
  };
  const emails: OutgoingEmail[] = [];
  const at = now.toISOString();
  const context = { actor: WORKER_ACTOR, now, fallbackReviewers: config.campaigns.fallbackReviewers };

  const definitions = database.select().from(campaignDefinitions).where(and(eq(campaignDefinitions.isEnabled, true), isNotNull(campaignDefinitions.schedule))).all();
  for (const definition of definitions) {
    if (!isScheduledLaunchDue(definition.schedule, definition.lastLaunchedAt, definition.createdAt, now)) continue;
    try {
      const launched = launchDefinition(database, definition.id, context);
      report.launchedCampaignIds.push(launched.campaignId);
      emails.push(...launched.emails);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      // Nothing in scope this time: count the tick as the launch so it is not retried every minute.
      database.update(campaignDefinitions).set({ lastLaunchedAt: at }).where(eq(campaignDefinitions.id, definition.id)).run();
      report.skippedDefinitions.push({ definitionId: definition.id, reason: error.message });
    }
  }

  const active = database
    .select({ id: campaigns.id, name: campaigns.name, status: campaigns.status, dueAt: campaigns.dueAt, lastReminderAt: campaigns.lastReminderAt, escalatedAt: campaigns.escalatedAt })
    .from(campaigns)
    .where(eq(campaigns.status, 'active'))
    .all();
  const admins = new Set([
    ...database.select({ email: users.email }).from(users).where(and(eq(users.role, 'admin'), eq(users.isActive, true))).all().map((user) => user.email),
    ...config.campaigns.fallbackReviewers.map((email) => email.toLowerCase()),
  ]);

  for (const campaign of active) {
    const link = `/campaigns/${campaign.id}`;
    if (isReminderDue(campaign, now, config.campaigns.reminderDaysBeforeDue)) {
      inWriteTransaction(database, () => {
        for (const reviewer of pendingByReviewer(database, campaign.id)) {
          const message = `Reminder: ${reviewer.pending} undecided ${Number(reviewer.pending) === 1 ? 'item' : 'items'} in "${campaign.name}", due ${campaign.dueAt.slice(0, 10)}.`;
          notify(database, emails, reviewer.reviewerEmail, 'reminder', `Reminder: ${campaign.name}`, message, '/inbox', at);
        }
        database.update(campaigns).set({ lastReminderAt: at }).where(eq(campaigns.id, campaign.id)).run();
      });
      report.remindedCampaignIds.push(campaign.id);
    }
    if (isEscalationDue(campaign, now)) {
      inWriteTransaction(database, () => {
        const byAccount = database
          .select({ accountId: campaignItems.accountId, ownerEmail: accounts.ownerEmail, pending: sql<number>`count(*)` })
          .from(campaignItems)
          .leftJoin(accounts, eq(accounts.id, campaignItems.accountId))
          .where(and(eq(campaignItems.campaignId, campaign.id), eq(campaignItems.status, 'pending')))
          .groupBy(campaignItems.accountId)
          .all();
        const total = byAccount.reduce((sum, row) => sum + Number(row.pending), 0);
        if (total > 0) {
          for (const row of byAccount) {
            if (!row.ownerEmail) continue;
            const message = `"${campaign.name}" is past due with ${row.pending} undecided items in account ${row.accountId}, which you own.`;
            notify(database, emails, row.ownerEmail.toLowerCase(), 'escalation', `Overdue access review: ${campaign.name}`, message, link, at);
          }
          for (const admin of admins) {
            const message = `"${campaign.name}" is past due with ${total} undecided items in ${byAccount.length} accounts.`;
            notify(database, emails, admin, 'escalation', `Overdue access review: ${campaign.name}`, message, link, at);
          }
        }
        database.update(campaigns).set({ escalatedAt: at }).where(eq(campaigns.id, campaign.id)).run();
      });
      report.escalatedCampaignIds.push(campaign.id);
    }
    if (isAutoCloseDue(campaign, now)) {
      closeCampaign(database, { campaignId: campaign.id, actor: WORKER_ACTOR, now, reason: 'due-date' });
      report.closedCampaignIds.push(campaign.id);
    }
  }

  for (const relaunched of relaunchExpiredAttestationsNow(database, { now, campaignsConfig: config.campaigns })) {
    report.relaunchedCampaignIds.push(relaunched.campaignId);
    emails.push(...relaunched.emails);
  }

  await sendEmails(config.smtp, emails);
  report.emailCount = emails.length;
  return report;
}
