import { Cron } from 'croner';

const DAY_MS = 86_400_000;

/** The due date of a campaign launched at `launchedAt`, `dueInDays` days later. */
export function dueDateFor(launchedAt: Date, dueInDays: number): Date {
  return new Date(launchedAt.getTime() + dueInDays * DAY_MS);
}

export interface FollowUpState {
  status: 'active' | 'closed';
  dueAt: string;
  lastReminderAt: string | null;
  escalatedAt: string | null;
}

/**
 * One reminder, sent once the campaign enters its last `reminderDaysBeforeDue` days and before
 * it is due. (A campaign launched inside that window gets its reminder on the next tick.)
 */
export function isReminderDue(campaign: FollowUpState, now: Date, reminderDaysBeforeDue: number): boolean {
  if (campaign.status !== 'active' || campaign.lastReminderAt) return false;
  const due = new Date(campaign.dueAt).getTime();
  return now.getTime() >= due - reminderDaysBeforeDue * DAY_MS && now.getTime() < due;
}

/** Past the due date and not yet escalated: the account owners and admins are told. */
export function isEscalationDue(campaign: FollowUpState, now: Date): boolean {
  return campaign.status === 'active' && !campaign.escalatedAt && now.getTime() >= new Date(campaign.dueAt).getTime();
}

/** The worker closes an active campaign at its due date. */
export function isAutoCloseDue(campaign: FollowUpState, now: Date): boolean {
  return campaign.status === 'active' && now.getTime() >= new Date(campaign.dueAt).getTime();
}

/** True while the campaign runs and its due date has passed. */
export function isOverdue(campaign: Pick<FollowUpState, 'status' | 'dueAt'>, now: Date): boolean {
  return campaign.status === 'active' && now.getTime() > new Date(campaign.dueAt).getTime();
}

/** Validates a cron expression the way the worker will read it; returns an error message or null. */
export function cronExpressionProblem(expression: string): string | null {
  try {
    const cron = new Cron(expression, { paused: true });
    const next = cron.nextRun();
    cron.stop();
    return next ? null : 'the expression never fires';
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * When a scheduled definition launches next: croner's next run after the last launch (or after
 * its creation, for a definition that never launched). Null for one-off definitions.
 */
export function nextScheduledLaunch(schedule: string | null, lastLaunchedAt: string | null, createdAt: string): Date | null {
  if (!schedule) return null;
  const cron = new Cron(schedule, { paused: true });
  const next = cron.nextRun(new Date(lastLaunchedAt ?? createdAt));
  cron.stop();
  return next;
}

/** A scheduled definition is due when its next run time has come. */
export function isScheduledLaunchDue(schedule: string | null, lastLaunchedAt: string | null, createdAt: string, now: Date): boolean {
  const next = nextScheduledLaunch(schedule, lastLaunchedAt, createdAt);
  return next !== null && next.getTime() <= now.getTime();
}

/** The earliest keep-until date a reviewer may pick: tomorrow (UTC), as YYYY-MM-DD. */
export function earliestKeepUntil(now: Date = new Date()): string {
  return new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
}
