import { describe, expect, it } from 'vitest';
import { assignReviewer } from './reviewer';
import { isSelfReview, type SelfReviewSubject } from './self-review';

const SOFIA = 'sofia@example.com';

describe('isSelfReview', () => {
  it.each<[string, SelfReviewSubject, string, boolean]>([
    // The finding: IAM user sofia.ml tagged owner=sofia@ went to Sofia.
    ['user named <local part>.<suffix>, owned by the reviewer', { type: 'user', name: 'sofia.ml', ownerTag: SOFIA }, SOFIA, true],
    ['user named <local part>.<suffix>, no tags', { type: 'user', name: 'sofia.ml' }, SOFIA, true],
    ['user named with _ and -', { type: 'user', name: 'Sofia_Rossi' }, 'sofia.rossi@example.com', true],
    ['user named after the first word of a dotted local part', { type: 'user', name: 'sofia-laptop' }, 'sofia.rossi@example.com', true],
    ['user named exactly the local part', { type: 'user', name: 'maya' }, 'maya@example.com', true],
    ['user named the whole email', { type: 'user', name: 'Maya@Example.com' }, 'maya@example.com', true],
    ['user whose name only starts with the local part', { type: 'user', name: 'mayadev' }, 'maya@example.com', false],
    ['user named after another person', { type: 'user', name: 'liam.ml', ownerTag: SOFIA }, SOFIA, false],
    ['short local parts do not match by first word', { type: 'user', name: 'al-pipeline' }, 'al@example.com', false],
    ['short local parts still match exactly', { type: 'user', name: 'al' }, 'al@example.com', true],
    // Identity tags, any principal type.
    ['role with an email tag naming the reviewer', { type: 'role', name: 'session', emailTag: 'SOFIA@example.com' }, SOFIA, true],
    ['role with a user tag naming the local part', { type: 'role', name: 'ci', tags: { User: 'sofia' } }, SOFIA, true],
    ['role with an e-mail-address tag', { type: 'role', name: 'ci', tags: { 'Email-Address': SOFIA } }, SOFIA, true],
    ['user with an employee tag', { type: 'user', name: 'svc-42', tags: { employee: SOFIA } }, SOFIA, true],
    ['an unrelated tag naming the reviewer is not identity', { type: 'role', name: 'ci', tags: { CostCenter: 'sofia' } }, SOFIA, false],
    ['email tag of someone else', { type: 'user', name: 'x', emailTag: 'other@example.com' }, SOFIA, false],
    // Ownership.
    ['console user owned by the reviewer: their login', { type: 'user', name: 'analyst-7', ownerTag: SOFIA, hasConsolePassword: true }, SOFIA, true],
    ['service user owned by the reviewer: owners certify it', { type: 'user', name: 'svc-translation', ownerTag: SOFIA, hasConsolePassword: false }, SOFIA, false],
    ['role owned by the reviewer: owners certify it', { type: 'role', name: 'ml-pipeline', ownerTag: SOFIA }, SOFIA, false],
    ['role named after the reviewer: names identify users only', { type: 'role', name: 'sofia' }, SOFIA, false],
    ['no reviewer', { type: 'user', name: 'sofia' }, '  ', false],
  ])('%s', (_case, subject, reviewer, expected) => {
    expect(isSelfReview(subject, reviewer)).toBe(expected);
  });
});

describe('assignReviewer with the self-review rule', () => {
  it('sends sofia.ml (owner=sofia@) to the fallback reviewer and says why', () => {
    expect(
      assignReviewer({ type: 'user', name: 'sofia.ml', path: '/', accountId: '752930184726', ownerTag: SOFIA, emailTag: null }, { mappings: [], accountOwnerEmail: null, fallbackReviewers: ['admin@example.com'] }),
    ).toEqual({ email: 'admin@example.com', reason: 'fallback', selfReviewAvoided: SOFIA, mappingRuleId: null });
  });

  it('keeps roles with their owner', () => {
    expect(assignReviewer({ type: 'role', name: 'sofia-ml-pipeline', path: '/', accountId: '1', ownerTag: SOFIA, emailTag: null }, { mappings: [], accountOwnerEmail: null, fallbackReviewers: ['admin@example.com'] }).email).toBe(SOFIA);
  });
});
