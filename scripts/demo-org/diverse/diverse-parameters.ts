import type { AwsManagedPolicyName } from '../managed-policies';

/**
 * Every knob of the `diverse` benchmark organisation, written out: the shape the engine was not
 * tuned for (issue #16). Policies are drawn per account (no shared template), trusts cross
 * accounts in every way AWS allows, and a few percent of principals can assume anything.
 */
export interface DiverseOrganizationParameters {
  /** PRNG seed: the same parameters and seed always give the same bytes. */
  seed: string;
  accountCount: number;
  /** Users plus roles per account (the read-only scanner role and the CI roles included). */
  principalsPerAccount: number;
  /** Share of an account's principals that are IAM users (the rest are roles). */
  userShare: number;
  /** Customer managed policies written for each account, each drawn independently. */
  customerPoliciesPerAccount: number;
  /** Groups per account; each gets one or two customer policies, an inline policy at `groupInlineRate`. */
  groupsPerAccount: number;
  groupInlineRate: number;
  /** Customer policies attached to each principal: drawn uniformly in [min, max]. */
  customerPoliciesPerPrincipal: [number, number];
  /** Chance a principal carries its own inline policy. */
  principalInlineRate: number;
  /** Chance a customer policy has older versions (the default one is the last). */
  nonDefaultVersionRate: number;
  /** Chance a statement is a Deny. */
  denyRate: number;
  /** Chance an Allow statement uses NotAction. */
  notActionRate: number;
  /** Chance a statement carries a condition (region, IP, MFA or tag). */
  conditionRate: number;
  /** Chance a principal has a permissions boundary (one of the account's customer policies). */
  boundaryRate: number;
  /** Independent chance of each AWS managed policy (the real documents) per principal. */
  managedPolicyRates: Partial<Record<AwsManagedPolicyName, number>>;
  /** Relative weights of the trust kinds of an ordinary role. */
  trustWeights: Record<DiverseTrustKind, number>;
  /** One account in this many is a CI account whose deploy roles are trusted by many accounts. */
  ciAccountEvery: number;
  /** Deploy roles of each CI account. */
  ciRolesPerCiAccount: number;
  /** CI accounts whose deploy roles each account's `deploy-target` role trusts (so each CI account is trusted by about `ciAccountEvery` x this many accounts). */
  ciAccountsTrustedPerAccount: number;
}

export type DiverseTrustKind =
  | 'same-account-role'
  | 'same-account-root'
  | 'cross-account-root'
  | 'cross-account-role'
  | 'oidc-pinned'
  | 'oidc-unpinned'
  | 'service'
  | 'identity-center'
  | 'organization-wide';

/** The defaults the README's figures use. */
export const DEFAULT_DIVERSE_PARAMETERS: DiverseOrganizationParameters = {
  seed: 'diverse',
  accountCount: 200,
  principalsPerAccount: 100,
  userShare: 0.3,
  customerPoliciesPerAccount: 8,
  groupsPerAccount: 4,
  groupInlineRate: 0.5,
  customerPoliciesPerPrincipal: [0, 2],
  principalInlineRate: 0.35,
  nonDefaultVersionRate: 0.2,
  denyRate: 0.12,
  notActionRate: 0.08,
  conditionRate: 0.3,
  boundaryRate: 0.1,
  managedPolicyRates: {
    AdministratorAccess: 0.04,
    PowerUserAccess: 0.05,
    ReadOnlyAccess: 0.1,
    ViewOnlyAccess: 0.04,
    SecurityAudit: 0.03,
    IAMReadOnlyAccess: 0.03,
    CloudWatchReadOnlyAccess: 0.06,
    AmazonBedrockFullAccess: 0.05,
    AmazonBedrockReadOnly: 0.06,
    AmazonBedrockLimitedAccess: 0.03,
    AmazonBedrockMantleInferenceAccess: 0.02,
    AmazonBedrockMantleReadOnly: 0.02,
    AmazonBedrockMarketplaceAccess: 0.01,
    BedrockAgentCoreFullAccess: 0.02,
    AmazonSageMakerCanvasAIServicesAccess: 0.01,
  },
  trustWeights: {
    'same-account-role': 12,
    'same-account-root': 8,
    'cross-account-root': 10,
    'cross-account-role': 10,
    'oidc-pinned': 6,
    'oidc-unpinned': 4,
    service: 30,
    'identity-center': 14,
    'organization-wide': 3,
  },
  ciAccountEvery: 25,
  ciRolesPerCiAccount: 3,
  ciAccountsTrustedPerAccount: 2,
};

/** The defaults with the scale and seed of a run. */
export function diverseParameters(overrides: Partial<DiverseOrganizationParameters>): DiverseOrganizationParameters {
  return { ...DEFAULT_DIVERSE_PARAMETERS, ...overrides };
}
