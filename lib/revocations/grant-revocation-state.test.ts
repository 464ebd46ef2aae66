import { describe, expect, it } from 'vitest';
import { describeGrantRevocation, type GrantRevocationFacts } from './grant-revocation-state';
import { REVOCATION_STATUSES } from './statuses';

const base: GrantRevocationFacts = { status: 'executed', executedAt: '2026-12-01T10:00:00.000Z', isHeldInSnapshot: true, snapshotFinishedAt: '2026-11-30T08:00:00.000Z', isLatestSnapshot: true, snapshotId: 7 };

describe('describeGrantRevocation', () => {
  it.each([
    // [status, held, snapshot finished, expected label]
    ['requested', true, '2026-11-30T08:00:00.000Z', 'requested'],
    ['approved', true, '2026-11-30T08:00:00.000Z', 'approved'],
    ['awaiting-confirmation', true, '2026-11-30T08:00:00.000Z', 'awaiting confirmation'],
    ['executed', true, '2026-11-30T08:00:00.000Z', 'executed, still present'],
    ['executed', true, '2026-12-02T08:00:00.000Z', 'executed, not effective'],
    ['executed', false, '2026-12-02T08:00:00.000Z', 'executed'],
    ['verified', false, '2026-12-02T08:00:00.000Z', 'verified'],
    ['verified', true, '2026-12-02T08:00:00.000Z', 'verified, granted again'],
    ['rolled-back', true, '2026-12-02T08:00:00.000Z', 'rolled back'],
    ['failed', true, '2026-12-02T08:00:00.000Z', 'failed'],
  ] as const)('%s, held %s, snapshot of %s: %s', (status, isHeldInSnapshot, snapshotFinishedAt, label) => {
    expect(describeGrantRevocation({ ...base, status, isHeldInSnapshot, snapshotFinishedAt }).label).toBe(label);
  });

  it('never says plain "executed" while the snapshot holds the grant', () => {
    for (const status of REVOCATION_STATUSES) {
      for (const snapshotFinishedAt of ['2026-11-30T08:00:00.000Z', '2026-12-02T08:00:00.000Z']) {
        expect(describeGrantRevocation({ ...base, status, snapshotFinishedAt }).label).not.toBe('executed');
      }
    }
  });

  it('asks for a re-scan when the latest snapshot predates the execution', () => {
    expect(describeGrantRevocation(base).note).toBe('Executed, still present in the latest snapshot: re-scan to verify.');
  });

  it('names an older snapshot by number', () => {
    expect(describeGrantRevocation({ ...base, isLatestSnapshot: false }).note).toBe('Executed, still present in snapshot #7: re-scan to verify.');
  });
});
