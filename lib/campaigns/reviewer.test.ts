import { describe, expect, it } from 'vitest';
import { assignReviewer, isSelfReview, matchesMappingRule, type OwnerMappingRule, type ReviewerSubject } from './reviewer';

const subject: ReviewerSubject = { type: 'role', name: 'ml-pipeline', path: '/ml/', accountId: '111111111111', ownerTag: null, emailTag: null };
const rules: OwnerMappingRule[] = [
  { id: 1, priority: 20, accountId: null, pathPrefix: '/ml/', namePattern: null, ownerEmail: 'path@example.com' },
  { id: 2, priority: 10, accountId: '111111111111', pathPrefix: null, namePattern: 'ml-*', ownerEmail: 'Pattern@Example.com' },
];
const context = { mappings: rules, accountOwnerEmail: 'account@example.com', fallbackReviewers: ['admin@example.com', 'second@example.com'] };

describe('assignReviewer', () => {
  it('prefers the owner tag', () => {
    expect(assignReviewer({ ...subject, ownerTag: 'maya@example.com' }, context)).toMatchObject({ email: 'maya@example.com', reason: 'owner-tag' });
  });
  it('ignores an owner tag that is not an email', () => {
    expect(assignReviewer({ ...subject, ownerTag: 'team-ml' }, context).reason).toBe('owner-mapping');
  });
  it('uses the mapping rule with the lowest priority number first, lower-casing the email', () => {
    expect(assignReviewer(subject, context)).toMatchObject({ email: 'pattern@example.com', reason: 'owner-mapping', mappingRuleId: 2 });
  });
  it('falls back to the account owner, then the fallback reviewer', () => {
    expect(assignReviewer({ ...subject, path: '/', name: 'other' }, context)).toMatchObject({ email: 'account@example.com', reason: 'account-owner' });
    expect(assignReviewer({ ...subject, path: '/', name: 'other' }, { ...context, accountOwnerEmail: null })).toMatchObject({ email: 'admin@example.com', reason: 'fallback', selfReviewAvoided: null });
  });
  it('never assigns principals to themselves', () => {
    const liam: ReviewerSubject = { type: 'user', name: 'liam', path: '/', accountId: '111111111111', ownerTag: null, emailTag: null };
    expect(assignReviewer(liam, { mappings: [], accountOwnerEmail: 'liam@example.com', fallbackReviewers: ['admin@example.com'] })).toMatchObject({
      email: 'admin@example.com',
      reason: 'fallback',
      selfReviewAvoided: 'liam@example.com',
    });
  });
  it('skips a fallback reviewer who is the principal', () => {
    const admin: ReviewerSubject = { type: 'user', name: 'admin', path: '/', accountId: '1', ownerTag: 'admin@example.com', emailTag: null };
    expect(assignReviewer(admin, { mappings: [], accountOwnerEmail: null, fallbackReviewers: ['admin@example.com', 'second@example.com'] }).email).toBe('second@example.com');
  });
  it('throws when no fallback reviewer can be used', () => {
    expect(() => assignReviewer({ ...subject, path: '/', name: 'x' }, { mappings: [], accountOwnerEmail: null, fallbackReviewers: [] })).toThrow(/fallbackReviewers/);
  });
});

describe('isSelfReview', () => {
  it.each([
    [{ type: 'user' as const, name: 'maya', emailTag: null }, 'maya@example.com', true],
    [{ type: 'user' as const, name: 'Maya@Example.com', emailTag: null }, 'maya@example.com', true],
    // Issue 17: a user named after the reviewer (first word of the name) is theirs, e.g. their own bot's key.
    [{ type: 'user' as const, name: 'maya-bot', emailTag: null }, 'maya@example.com', true],
    [{ type: 'user' as const, name: 'mayabot', emailTag: null }, 'maya@example.com', false],
    [{ type: 'role' as const, name: 'maya', emailTag: null }, 'maya@example.com', false],
    [{ type: 'role' as const, name: 'session', emailTag: 'MAYA@example.com' }, 'maya@example.com', true],
    [{ type: 'user' as const, name: 'x', emailTag: 'other@example.com' }, 'maya@example.com', false],
  ])('%o reviewed by %s -> %s', (who, reviewer, expected) => expect(isSelfReview(who, reviewer)).toBe(expected));
});

describe('matchesMappingRule', () => {
  it('matches globs case-insensitively and treats regex characters literally', () => {
    const rule: OwnerMappingRule = { id: 1, priority: 1, accountId: null, pathPrefix: null, namePattern: 'app.?-*', ownerEmail: 'a@b.c' };
    expect(matchesMappingRule(rule, { accountId: '1', path: '/', name: 'APP.1-worker' })).toBe(true);
    expect(matchesMappingRule(rule, { accountId: '1', path: '/', name: 'appx1-worker' })).toBe(false);
  });
  it('a rule without conditions matches everything', () => {
    expect(matchesMappingRule({ id: 1, priority: 1, accountId: null, pathPrefix: null, namePattern: null, ownerEmail: 'a@b.c' }, { accountId: '1', path: '/', name: 'x' })).toBe(true);
  });
});

describe('owner-mapping name patterns', () => {
  it('match like IAM globs, ignoring case, and a hostile pattern stays fast', () => {
    const rule = (namePattern: string): OwnerMappingRule => ({ id: 1, priority: 1, accountId: null, pathPrefix: null, namePattern, ownerEmail: 'maya@example.com' });
    const subject = { accountId: '111122223333', path: '/', name: 'ML-Pipeline-Runner' };
    expect(matchesMappingRule(rule('ml-*'), subject)).toBe(true);
    expect(matchesMappingRule(rule('ml-pipeline-runne?'), subject)).toBe(true);
    expect(matchesMappingRule(rule('data-*'), subject)).toBe(false);
    // A naive `.*` translation backtracks for minutes on this (admins may type up to 128 characters).
    const started = performance.now();
    expect(matchesMappingRule(rule(`${'*?'.repeat(30)}Z`), { ...subject, name: 'a'.repeat(120) })).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
