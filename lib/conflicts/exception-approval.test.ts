import { describe, expect, it } from 'vitest';
import { planExceptionAcceptance, refuseExceptionApproval, resolveExceptionExpiry } from './exception-approval';

const now = new Date('2026-05-03T00:00:00.000Z');

describe('planExceptionAcceptance', () => {
  it.each([
    { severity: 'critical', requireFourEyes: true, expected: 'await-second-admin' },
    { severity: 'critical', requireFourEyes: false, expected: 'apply' },
    { severity: 'high', requireFourEyes: true, expected: 'apply' },
    { severity: 'medium', requireFourEyes: true, expected: 'apply' },
    { severity: 'low', requireFourEyes: true, expected: 'apply' },
  ] as const)('$severity with four-eyes $requireFourEyes: $expected', ({ severity, requireFourEyes, expected }) => {
    expect(planExceptionAcceptance({ severity, requireFourEyes })).toBe(expected);
  });
});

describe('refuseExceptionApproval', () => {
  const pending = { status: 'pending', requestedBy: 'ana@example.com', expiresAt: '2026-08-31T23:59:59.999Z', now } as const;

  it('lets another admin approve a pending request', () => {
    expect(refuseExceptionApproval({ ...pending, approver: 'ben@example.com' })).toBeNull();
  });

  it('refuses the requester, whatever the case of the address', () => {
    expect(refuseExceptionApproval({ ...pending, approver: 'Ana@Example.com ' })).toMatch(/other than the one who asked/);
  });

  it('refuses a decided request and one whose expiry has passed', () => {
    expect(refuseExceptionApproval({ ...pending, status: 'approved', approver: 'ben@example.com' })).toMatch(/already approved/);
    expect(refuseExceptionApproval({ ...pending, approver: 'ben@example.com', now: new Date('2026-09-01T00:00:00.000Z') })).toMatch(/expiry date has passed/);
  });
});

describe('resolveExceptionExpiry', () => {
  it('ends at the close of the given UTC day', () => {
    expect(resolveExceptionExpiry('2026-08-31', now)).toEqual({ expiresAt: new Date('2026-08-31T23:59:59.999Z') });
  });

  it.each(['2026-05-02', '2027-05-05', 'not-a-date'])('refuses %s', (expiresOn) => {
    expect(resolveExceptionExpiry(expiresOn, now)).toHaveProperty('error');
  });
});
