import { describe, expect, it } from 'vitest';
import { cronExpressionProblem, dueDateFor, isAutoCloseDue, isEscalationDue, isOverdue, isReminderDue, isScheduledLaunchDue, nextScheduledLaunch } from './timing';

const due = '2030-01-20T00:00:00.000Z';
const active = { status: 'active' as const, dueAt: due, lastReminderAt: null, escalatedAt: null };

describe('follow-up timing', () => {
  it('computes the due date', () => expect(dueDateFor(new Date('2030-01-06T00:00:00.000Z'), 14).toISOString()).toBe(due));
  it('reminds inside the window, once, and not after the due date', () => {
    expect(isReminderDue(active, new Date('2030-01-16T23:59:59.000Z'), 3)).toBe(false);
    expect(isReminderDue(active, new Date('2030-01-17T00:00:00.000Z'), 3)).toBe(true);
    expect(isReminderDue({ ...active, lastReminderAt: '2030-01-17T00:00:00.000Z' }, new Date('2030-01-18T00:00:00.000Z'), 3)).toBe(false);
    expect(isReminderDue(active, new Date(due), 3)).toBe(false);
    expect(isReminderDue({ ...active, status: 'closed' }, new Date('2030-01-18T00:00:00.000Z'), 3)).toBe(false);
  });
  it('escalates and closes at the due date, once', () => {
    expect(isEscalationDue(active, new Date('2030-01-19T23:59:59.000Z'))).toBe(false);
    expect(isEscalationDue(active, new Date(due))).toBe(true);
    expect(isEscalationDue({ ...active, escalatedAt: due }, new Date('2030-01-21T00:00:00.000Z'))).toBe(false);
    expect(isAutoCloseDue(active, new Date(due))).toBe(true);
    expect(isAutoCloseDue({ ...active, status: 'closed' }, new Date(due))).toBe(false);
    expect(isOverdue(active, new Date('2030-01-20T00:00:01.000Z'))).toBe(true);
  });
});

describe('schedules', () => {
  it('launches quarterly after the last launch', () => {
    const quarterly = '0 6 1 1,4,7,10 *';
    const next = nextScheduledLaunch(quarterly, '2030-01-01T06:00:00.000Z', '2029-12-01T00:00:00.000Z');
    expect(next?.getMonth()).toBe(3);
    expect(isScheduledLaunchDue(quarterly, '2030-01-01T06:00:00.000Z', '2029-12-01T00:00:00.000Z', new Date('2030-02-01T00:00:00.000Z'))).toBe(false);
    expect(isScheduledLaunchDue(quarterly, null, '2029-12-01T00:00:00.000Z', new Date('2030-01-01T07:00:00.000Z'))).toBe(true);
  });
  it('one-off definitions have no next launch', () => expect(nextScheduledLaunch(null, null, '2030-01-01T00:00:00.000Z')).toBeNull());
  it('validates cron expressions', () => {
    expect(cronExpressionProblem('0 6 1 */3 *')).toBeNull();
    expect(cronExpressionProblem('not a cron')).toMatch(/./);
  });
});
