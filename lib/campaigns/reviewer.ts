/**
 * Who reviews an entitlement. The order is the product rule: the principal's `owner` tag, then
 * the first owner-mapping rule that matches (by ascending priority), then the account owner,
 * then a fallback reviewer (an admin from configuration).
 *
 * Self-review (nobody certifies their own access; the rule is in `self-review.ts`): an item whose
 * reviewer would be the principal's own person goes to the first fallback reviewer who is not.
 */
import { globToRegExp } from '../analysis/catalogue/wildcard';
import { isSelfReview } from './self-review';

export { isSelfReview };

export const REVIEWER_REASONS = ['owner-tag', 'owner-mapping', 'account-owner', 'fallback', 'delegated', 'group-owner', 'permission-set-owner'] as const;
export type ReviewerReason = (typeof REVIEWER_REASONS)[number];

export interface OwnerMappingRule {
  id: number;
  priority: number;
  accountId: string | null;
  pathPrefix: string | null;
  /** Glob on the principal name: `*` any run of characters, `?` one character; case-insensitive. */
  namePattern: string | null;
  /** Identity Center group name (case-insensitive): the rule names the group's owner; only assignments through the group match. */
  groupName?: string | null;
  /** Identity Center permission set name (case-insensitive): the rule names the set's owner; its assignments and its `AWSReservedSSO_*` roles match. */
  permissionSetName?: string | null;
  ownerEmail: string;
}

export interface ReviewerSubject {
  type: 'user' | 'role';
  name: string;
  path: string;
  accountId: string;
  /** The principal's `owner` tag. */
  ownerTag: string | null;
  /** The principal's `email` tag, if any. */
  emailTag: string | null;
  /** Every tag of the principal (identity tags such as `user` or `employee` name a person). */
  tags?: Readonly<Record<string, string>>;
  /** Users only: whether the user has a console password (a person's login). */
  hasConsolePassword?: boolean | null;
  /** An `AWSReservedSSO_*` role's permission set, for permission-set owner rules. */
  permissionSetName?: string | null;
}

export interface ReviewerAssignment {
  email: string;
  reason: ReviewerReason;
  /** Set when the natural reviewer was the principal itself and the item went to a fallback reviewer. */
  selfReviewAvoided: string | null;
  /** The owner-mapping rule that matched, when reason is 'owner-mapping'. */
  mappingRuleId: number | null;
}

/** A rule matches when every field it sets matches; a rule with no condition matches everything. */
export function matchesMappingRule(rule: OwnerMappingRule, subject: Pick<ReviewerSubject, 'accountId' | 'path' | 'name'> & { permissionSetName?: string | null; groupName?: string | null }): boolean {
  if (rule.accountId && rule.accountId !== subject.accountId) return false;
  if (rule.permissionSetName && rule.permissionSetName.toLowerCase() !== subject.permissionSetName?.toLowerCase()) return false;
  if (rule.groupName && rule.groupName.toLowerCase() !== subject.groupName?.toLowerCase()) return false;
  if (rule.pathPrefix && !subject.path.startsWith(rule.pathPrefix)) return false;
  if (rule.namePattern && !globToRegExp(rule.namePattern, true).test(subject.name)) return false;
  return true;
}

function normaliseEmail(value: string | null | undefined): string | null {
  const trimmed = value?.trim().toLowerCase();
  return trimmed && trimmed.includes('@') ? trimmed : null;
}

/** A reviewer email as items store it (trimmed, lower case); null when the value is not an email. */
export const normaliseReviewerEmail = normaliseEmail;

/**
 * Picks the reviewer. `mappings` may come in any order; they are tried by ascending priority
 * (then id). Throws when no fallback reviewer is configured and none of the rules apply.
 */
export function assignReviewer(
  subject: ReviewerSubject,
  context: { mappings: readonly OwnerMappingRule[]; accountOwnerEmail: string | null; fallbackReviewers: readonly string[] },
): ReviewerAssignment {
  const ordered = [...context.mappings].sort((a, b) => a.priority - b.priority || a.id - b.id);
  const rule = ordered.find((candidate) => !candidate.groupName && matchesMappingRule(candidate, subject));
  const natural: { email: string; reason: ReviewerReason; mappingRuleId: number | null } | null = normaliseEmail(subject.ownerTag)
    ? { email: normaliseEmail(subject.ownerTag)!, reason: 'owner-tag', mappingRuleId: null }
    : rule && normaliseEmail(rule.ownerEmail)
      ? { email: normaliseEmail(rule.ownerEmail)!, reason: 'owner-mapping', mappingRuleId: rule.id }
      : normaliseEmail(context.accountOwnerEmail)
        ? { email: normaliseEmail(context.accountOwnerEmail)!, reason: 'account-owner', mappingRuleId: null }
        : null;
  if (natural && !isSelfReview(subject, natural.email)) return { ...natural, selfReviewAvoided: null };

  const fallbacks = context.fallbackReviewers.map((email) => normaliseEmail(email)).filter((email): email is string => email !== null);
  const fallback = fallbacks.find((email) => !isSelfReview(subject, email));
  if (!fallback) throw new Error(`No fallback reviewer who is not ${subject.name} itself: configure campaigns.fallbackReviewers`);
  return { email: fallback, reason: 'fallback', selfReviewAvoided: natural?.email ?? null, mappingRuleId: null };
}
