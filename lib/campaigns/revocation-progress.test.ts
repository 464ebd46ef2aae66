import { describe, expect, it } from 'vitest';
import { REVOCATION_STATUSES, type RevocationStatus } from '../revocations/statuses';
import { summarizeRevocationProgress } from './revocation-progress';

const cases: Array<[RevocationStatus, 'requested' | 'applied' | 'verified' | 'stopped' | 'rejected']> = [
  ['requested', 'requested'],
  ['approved', 'requested'],
  ['executing', 'requested'],
  ['executed', 'applied'],
  ['awaiting-confirmation', 'applied'],
  ['verified', 'verified'],
  ['failed', 'stopped'],
  ['not-applied', 'stopped'],
  ['rolled-back', 'stopped'],
  ['rejected', 'rejected'],
];

describe('summarizeRevocationProgress', () => {
  it.each(cases)('%s counts as %s', (status, bucket) => {
    expect(summarizeRevocationProgress([{ status, count: 3 }])[bucket]).toBe(3);
  });

  it('places every status somewhere', () => {
    expect(cases.map(([status]) => status).sort()).toEqual([...REVOCATION_STATUSES].sort());
  });

  it('adds statuses of the same bucket', () => {
    expect(summarizeRevocationProgress([{ status: 'requested', count: 2 }, { status: 'approved', count: 1 }, { status: 'verified', count: 4 }])).toEqual({ requested: 3, applied: 0, verified: 4, stopped: 0, rejected: 0 });
  });
});
