import { describe, expect, it } from 'vitest';
import { policyIdentity, recommendFor } from './item-context';
import { closeOutcomeFor } from './close-behaviour';

const grantPath = { policyKind: 'managed' as const, policyArn: 'arn:aws:iam::aws:policy/X', policyName: 'X', isAwsManaged: true, attachedVia: 'direct' as const, groupName: null };
const now = new Date('2030-06-01T00:00:00.000Z');

describe('recommendFor', () => {
  it('recommends revoke when the engine flagged the path or the principal as unused', () => {
    expect(recommendFor({ grantPath, recommendations: [{ kind: 'revoke-unused', title: 'Unused', detail: 'No use', path: null }], conflictCount: 0, lastUsedAt: null, now }).decision).toBe('revoke');
    const otherPath = { ...grantPath, policyName: 'Y', statementId: null, statementIndex: 0 };
    expect(recommendFor({ grantPath, recommendations: [{ kind: 'revoke-unused', title: 'Unused', detail: 'No use', path: otherPath }], conflictCount: 0, lastUsedAt: '2030-05-30T00:00:00.000Z', now }).decision).toBe('attest');
  });
  it('recommends revoke after 90 days without use, review with conflicts, else attest', () => {
    expect(recommendFor({ grantPath, recommendations: [], conflictCount: 0, lastUsedAt: '2030-01-01T00:00:00.000Z', now }).decision).toBe('revoke');
    expect(recommendFor({ grantPath, recommendations: [], conflictCount: 1, lastUsedAt: '2030-05-30T00:00:00.000Z', now }).decision).toBe('review');
    expect(recommendFor({ grantPath, recommendations: [], conflictCount: 0, lastUsedAt: '2030-05-30T00:00:00.000Z', now }).decision).toBe('attest');
  });
});

describe('policyIdentity and close behaviour', () => {
  it('identifies managed policies by ARN and inline ones by name', () => {
    expect(policyIdentity(grantPath)).toBe('managed:arn:aws:iam::aws:policy/X');
    expect(policyIdentity({ policyKind: 'inline', policyArn: null, policyName: 'p' })).toBe('inline:p');
  });
  it('maps close behaviours to outcomes', () => {
    expect(closeOutcomeFor('report')).toEqual({ status: 'not-certified', createsRevocation: false });
    expect(closeOutcomeFor('revoke')).toEqual({ status: 'revoked', createsRevocation: true });
  });
});
