/**
 * What an admin should know about an owner-mapping rule before relying on it. None of these stop
 * a save: a reviewer may be invited later, and a catch-all can be deliberate as the last rule.
 */
import { matchesMappingRule, type OwnerMappingRule, type ReviewerSubject } from './reviewer';

export const OWNER_MAPPING_WARNING_KINDS = ['unknown-reviewer', 'catch-all', 'duplicate-priority'] as const;
export type OwnerMappingWarningKind = (typeof OWNER_MAPPING_WARNING_KINDS)[number];

export interface OwnerMappingWarning {
  kind: OwnerMappingWarningKind;
  message: string;
}

/** The fields of a rule being written (no id yet when new). */
export type OwnerMappingDraft = Omit<OwnerMappingRule, 'id'> & { id?: number | null };

const isBlank = (value: string | null | undefined) => !value?.trim();

/** A rule without an account, path prefix, name pattern, group or permission set matches every principal. */
export function isCatchAllRule(rule: Pick<OwnerMappingRule, 'accountId' | 'pathPrefix' | 'namePattern' | 'groupName' | 'permissionSetName'>): boolean {
  if (!isBlank(rule.accountId) || !isBlank(rule.groupName) || !isBlank(rule.permissionSetName)) return false;
  const path = rule.pathPrefix?.trim() ?? '';
  const pattern = rule.namePattern?.trim() ?? '';
  // "/" is every IAM path; a pattern of only `*` matches any name.
  return (path === '' || path === '/') && (pattern === '' || /^\*+$/.test(pattern));
}

/**
 * The warnings for one rule, given the other rules (the rule itself, matched by id, is skipped)
 * and the emails of the app's users (any case).
 */
export function ownerMappingWarnings(rule: OwnerMappingDraft, context: { rules: readonly OwnerMappingRule[]; userEmails: readonly string[] }): OwnerMappingWarning[] {
  const warnings: OwnerMappingWarning[] = [];
  const email = rule.ownerEmail.trim().toLowerCase();
  if (email && !context.userEmails.some((known) => known.trim().toLowerCase() === email)) {
    warnings.push({ kind: 'unknown-reviewer', message: `${email} is not an active user of this app: the items would go to someone who cannot sign in to review them. Add the user first.` });
  }
  if (isCatchAllRule(rule)) {
    const later = context.rules.filter((other) => other.id !== rule.id && other.priority > rule.priority);
    warnings.push({
      kind: 'catch-all',
      message:
        later.length > 0
          ? `This rule matches every principal, so the ${later.length === 1 ? 'rule' : `${later.length} rules`} after it never apply and no principal falls through to its account owner.`
          : 'This rule matches every principal: no principal without an owner tag falls through to its account owner.',
    });
  }
  const samePriority = context.rules.filter((other) => other.id !== rule.id && other.priority === rule.priority);
  if (samePriority.length > 0) {
    warnings.push({
      kind: 'duplicate-priority',
      message: `Priority ${rule.priority} is also used by ${samePriority.map((other) => `rule ${other.id}`).join(', ')}: between them the older rule wins. Give each rule its own priority.`,
    });
  }
  return warnings;
}

export interface OwnerMappingMatchPreview {
  /** Principals the rule's conditions match. */
  matchCount: number;
  /**
   * Of those, the principals the rule would decide: no `owner` tag (the tag wins) and no rule
   * tried earlier matches them.
   */
  decidedCount: number;
  /** The first matched principal names, in the order given. */
  sampleNames: string[];
}

/** Which principals a rule matches, and how many it would actually route, before it is saved. */
export function previewOwnerMappingMatches(
  rule: OwnerMappingDraft,
  otherRules: readonly OwnerMappingRule[],
  subjects: readonly Pick<ReviewerSubject, 'accountId' | 'path' | 'name' | 'ownerTag'>[],
  sampleSize = 5,
): OwnerMappingMatchPreview {
  const candidate: OwnerMappingRule = { ...rule, id: rule.id ?? Number.MAX_SAFE_INTEGER };
  const ordered = [...otherRules.filter((other) => other.id !== candidate.id), candidate].sort((a, b) => a.priority - b.priority || a.id - b.id);
  let matchCount = 0;
  let decidedCount = 0;
  const sampleNames: string[] = [];
  for (const subject of subjects) {
    if (!matchesMappingRule(candidate, subject)) continue;
    matchCount += 1;
    if (sampleNames.length < sampleSize) sampleNames.push(subject.name);
    const hasOwnerTag = Boolean(subject.ownerTag?.trim().includes('@'));
    if (!hasOwnerTag && ordered.find((other) => matchesMappingRule(other, subject)) === candidate) decidedCount += 1;
  }
  return { matchCount, decidedCount, sampleNames };
}

/** A stored rule with its warnings, as the rules table shows it. */
export interface OwnerMappingRuleWithWarnings extends OwnerMappingRule {
  warnings: OwnerMappingWarning[];
}
