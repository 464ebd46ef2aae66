import { z } from 'zod';
import { TIERS, type Tier } from '../analysis/types';
import { tiersToMask } from '../analysis/tier-mask';

export const SCOPE_PRINCIPAL_TYPES = ['user', 'role'] as const;
export const CAMPAIGN_SUBJECTS = ['entitlements', 'assignments'] as const;
export type CampaignSubject = (typeof CAMPAIGN_SUBJECTS)[number];

/**
 * What a campaign covers. An empty list means "no restriction" on that dimension, so the
 * default scope (every list empty, minScore 0) is every Bedrock entitlement of the snapshot.
 */
export const campaignScopeSchema = z.object({
  accountIds: z.array(z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id')).default([]),
  tiers: z.array(z.enum(TIERS)).default([]),
  minScore: z.number().int().min(0).max(100).default(0),
  principalTypes: z.array(z.enum(SCOPE_PRINCIPAL_TYPES)).default([]),
  onlyWithConflicts: z.boolean().default(false),
  /**
   * What the campaign certifies (#14): IAM entitlements (the default, absent in scopes stored before
   * it existed) or Identity Center assignments, one item per (person, permission set, account, via).
   */
  subject: z.enum(CAMPAIGN_SUBJECTS).optional(),
  /** Assignments only: user names or user ids of the people to certify. */
  people: z.array(z.string().trim().min(1).max(256)).optional(),
  /** Assignments only: group names; an assignment through one of them matches. */
  groups: z.array(z.string().trim().min(1).max(256)).optional(),
  /** Assignments only: permission set names. */
  permissionSets: z.array(z.string().trim().min(1).max(256)).optional(),
});

export type CampaignScope = z.infer<typeof campaignScopeSchema>;

export const EMPTY_SCOPE: CampaignScope = { accountIds: [], tiers: [], minScore: 0, principalTypes: [], onlyWithConflicts: false };

/** The facts of one entitlement that scope rules look at. */
export interface ScopeCandidate {
  accountId: string;
  principalType: 'user' | 'role';
  /** The principal's blast-radius score. */
  score: number;
  /** The entitlement's tiers (bitmask from lib/analysis/tier-mask.ts). */
  tiersMask: number;
  /** The principal's open SoD conflicts. */
  conflictCount: number;
}

/** True when the entitlement falls inside the scope: every non-empty dimension must match. */
export function matchesScope(candidate: ScopeCandidate, scope: CampaignScope): boolean {
  if (scope.accountIds.length > 0 && !scope.accountIds.includes(candidate.accountId)) return false;
  if (scope.principalTypes.length > 0 && !scope.principalTypes.includes(candidate.principalType)) return false;
  if (candidate.score < scope.minScore) return false;
  if (scope.tiers.length > 0 && (candidate.tiersMask & tiersToMask(scope.tiers)) === 0) return false;
  if (scope.onlyWithConflicts && candidate.conflictCount === 0) return false;
  return true;
}

/** Reads the JSON stored in campaign_definitions.scope / campaigns.scope. */
export function parseStoredScope(json: string): CampaignScope {
  return campaignScopeSchema.parse(JSON.parse(json));
}

/** One line for lists and evidence: "accounts 1111…, tiers invoke+govern, score ≥ 40". */
export function describeScope(scope: CampaignScope): string {
  const parts: string[] = [];
  if (scope.subject === 'assignments') parts.push('Identity Center assignments');
  if (scope.people?.length) parts.push(`people ${scope.people.join(', ')}`);
  if (scope.groups?.length) parts.push(`groups ${scope.groups.join(', ')}`);
  if (scope.permissionSets?.length) parts.push(`permission sets ${scope.permissionSets.join(', ')}`);
  parts.push(scope.accountIds.length > 0 ? `accounts ${scope.accountIds.join(', ')}` : 'all accounts');
  if (scope.tiers.length > 0) parts.push(`tiers ${scope.tiers.join(', ')}`);
  if (scope.minScore > 0) parts.push(`score at least ${scope.minScore}`);
  if (scope.principalTypes.length > 0) parts.push(`${scope.principalTypes.join(' and ')}s only`);
  if (scope.onlyWithConflicts) parts.push('only principals with SoD conflicts');
  return parts.join('; ');
}

export type { Tier };
