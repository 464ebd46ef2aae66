/**
 * The contract of the analysis engine: a normalised snapshot goes in, plain values come out.
 *
 * Nothing here knows about the database, Next.js or the AWS SDK. Scanners map what AWS
 * returns (or what `aws iam get-account-authorization-details` printed) into `SnapshotInput`;
 * the engine turns it into `PrincipalAnalysis` values that the app stores and shows.
 */

import type { AccountControlCoverage } from './blast-radius/account-controls';
import type { RegionControls } from '../controls/types';

// ---------------------------------------------------------------------------
// Input: the normalised snapshot
// ---------------------------------------------------------------------------

/**
 * A policy document as it was read: a JSON string (possibly URL-encoded, as the IAM API
 * returns it) or an already parsed object. The engine parses and validates it.
 */
export type PolicyDocumentSource = string | Record<string, unknown>;

export const ENVIRONMENTS = ['prod', 'nonprod', 'sandbox', 'unknown'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface OrganizationalUnitRef {
  id: string; // 'r-abcd' for the root, 'ou-...' for units
  name: string;
}

export interface AccountFacts {
  id: string; // 12 digits
  name: string;
  /** Root first, the account's direct parent last. Empty when the organisation is unknown. */
  ouPath: OrganizationalUnitRef[];
  environment: Environment;
  ownerEmail: string | null;
  tags: Record<string, string>;
}

/** A service control policy (or resource control policy) and where it is attached. */
export interface OrganizationPolicyFacts {
  id: string;
  name: string;
  kind: 'scp' | 'rcp';
  /** AWS managed `FullAWSAccess` is an ordinary SCP here: it must be attached for anything to be allowed. */
  document: PolicyDocumentSource;
  /** Root ids, OU ids and account ids this policy is attached to. */
  targetIds: string[];
}

export interface OrganizationFacts {
  id: string | null;
  managementAccountId: string | null;
  accounts: AccountFacts[];
  policies: OrganizationPolicyFacts[];
}

export interface InlinePolicyFacts {
  name: string;
  document: PolicyDocumentSource;
}

export interface ManagedPolicyFacts {
  arn: string;
  name: string;
  path: string;
  /** `arn:aws:iam::aws:policy/...` */
  isAwsManaged: boolean;
  defaultVersionId: string;
  /** Only the default version counts; other versions are not carried. */
  document: PolicyDocumentSource;
}

export interface AccessKeyFacts {
  id: string;
  status: 'Active' | 'Inactive';
  createDate: string; // ISO 8601
  lastUsedDate: string | null;
  lastUsedService: string | null;
}

/** Service-specific credentials; for Bedrock these are long-term Bedrock API keys. */
export interface ServiceCredentialFacts {
  id: string;
  serviceName: string; // 'bedrock.amazonaws.com' for Bedrock API keys
  status: 'Active' | 'Inactive';
  createDate: string;
  expirationDate: string | null;
}

export interface UserCredentialFacts {
  accessKeys: AccessKeyFacts[];
  serviceCredentials: ServiceCredentialFacts[];
  hasConsolePassword: boolean;
  passwordLastUsed: string | null;
  hasMfa: boolean;
}

interface PrincipalFactsBase {
  arn: string;
  id: string;
  name: string;
  path: string;
  accountId: string;
  createDate: string;
  inlinePolicies: InlinePolicyFacts[];
  attachedManagedPolicyArns: string[];
  permissionsBoundaryArn: string | null;
  tags: Record<string, string>;
}

export interface UserFacts extends PrincipalFactsBase {
  type: 'user';
  groupNames: string[];
  /** Null when the snapshot has no credential data (offline import without a credential report). */
  credentials: UserCredentialFacts | null;
}

export interface RoleFacts extends PrincipalFactsBase {
  type: 'role';
  trustPolicy: PolicyDocumentSource;
  lastUsedDate: string | null;
  lastUsedRegion: string | null;
  /** For `AWSReservedSSO_<PermissionSet>_<hash>` roles: the permission set name. */
  permissionSetName: string | null;
  isServiceLinked: boolean;
}

export type PrincipalFacts = UserFacts | RoleFacts;

export interface GroupFacts {
  arn: string;
  id: string;
  name: string;
  path: string;
  inlinePolicies: InlinePolicyFacts[];
  attachedManagedPolicyArns: string[];
}

export interface AccountSnapshot {
  accountId: string;
  users: UserFacts[];
  groups: GroupFacts[];
  roles: RoleFacts[];
  /** Managed policies referenced in this account (customer managed and AWS managed). */
  managedPolicies: ManagedPolicyFacts[];
}

export interface SnapshotInput {
  capturedAt: string; // ISO 8601
  /** Null when only authorization-details files were imported without an organisation file. */
  organization: OrganizationFacts | null;
  accounts: AccountSnapshot[];
  /** Bedrock controls (enforced guardrail, invocation logging) per account and region; absent when not read. */
  controls?: RegionControls[];
}

// ---------------------------------------------------------------------------
// Catalogue and tiers
// ---------------------------------------------------------------------------

export const TIERS = ['invoke', 'agent', 'customize', 'provision', 'govern', 'build', 'read', 'unclassified'] as const;
export type Tier = (typeof TIERS)[number];

export const BEDROCK_SERVICES = ['bedrock', 'bedrock-agentcore', 'bedrock-mantle', 'bedrock-websearch'] as const;

export interface CatalogueResourceType {
  name: string;
  /** ARN template from the service authorization reference, e.g. `arn:${Partition}:bedrock:${Region}::foundation-model/${ResourceId}` */
  arnPattern: string;
}

export interface CatalogueAction {
  /** `bedrock:InvokeModel`: service prefix lower case, action name as AWS spells it. */
  name: string;
  service: string;
  tier: Tier;
  resourceTypes: CatalogueResourceType[];
  /** True when the action supports only `*` as resource. */
  isWildcardOnly: boolean;
}

// ---------------------------------------------------------------------------
// Output: grants, denials, exposure, score, conflicts
// ---------------------------------------------------------------------------

/** How a policy reaches the principal: the unit an entitlement and a revocation work on. */
export interface GrantPath {
  policyKind: 'managed' | 'inline';
  /** Managed policies only. */
  policyArn: string | null;
  policyName: string;
  isAwsManaged: boolean;
  attachedVia: 'direct' | 'group';
  /** When attachedVia is 'group'. */
  groupName: string | null;
  statementId: string | null;
  statementIndex: number;
}

export interface ConditionEntry {
  /** Where the condition sits: the granting statement, a deny that applies only under conditions, the boundary or an SCP. */
  source: 'allow' | 'deny' | 'boundary' | 'scp';
  operator: string;
  key: string;
  values: string[];
  /** The policy the condition came from, for display. */
  policyName: string;
  /** A condition on a fact of the principal that the snapshot cannot know: why (e.g. session tags). Absent otherwise. */
  undecidedReason?: string;
}

/**
 * A condition on a fact of the principal (`aws:PrincipalArn`, `aws:PrincipalTag/team`, ...)
 * that the engine decided from the snapshot instead of leaving it conditional. `holds` says
 * whether it is satisfied for this principal: a decided-true Allow or Deny condition drops out,
 * a decided-false one makes its statement not apply (`describeDecidedCondition` words it).
 */
export interface DecidedCondition {
  /** Where the statement sits and what it does. */
  source: 'identity' | 'boundary' | 'scp';
  effect: 'Allow' | 'Deny';
  operator: string;
  key: string;
  values: string[];
  holds: boolean;
  policyName: string;
}

export interface Grant {
  /** `bedrock:InvokeModel` as the catalogue spells it. */
  action: string;
  tier: Tier;
  /** Resource ARN patterns the grant covers (after NotResource is expressed as `*` minus these). */
  resources: string[];
  notResources: string[];
  /** Regions the grant is usable in; `['*']` when no region limit applies. */
  regions: string[];
  conditions: ConditionEntry[];
  isConditional: boolean;
  /** The invoke statement requires a guardrail (`bedrock:GuardrailIdentifier` condition). */
  requiresGuardrail: boolean;
  path: GrantPath;
  /**
   * Principal-fact conditions decided for this grant: those of the granting statement (held),
   * and those that exempt the principal from a Deny (did not hold). Absent when none.
   */
  decided?: DecidedCondition[];
}

export interface DenialSource {
  source: 'identity' | 'boundary' | 'scp';
  /** 'explicit': a Deny statement; 'implicit': the boundary or an SCP level does not allow it. */
  kind: 'explicit' | 'implicit';
  policyName: string;
  policyArn: string | null;
  statementId: string | null;
  statementIndex: number | null;
  /** The principal-fact conditions that made an explicit Deny apply to this principal. Absent when none. */
  decided?: DecidedCondition[];
}

export interface DeniedAction {
  action: string;
  tier: Tier;
  /** What an identity policy would have allowed, and what blocked it. */
  deniedBy: DenialSource;
}

export type TrustKind =
  | 'same-account'
  | 'organization-account'
  | 'external-account'
  | 'aws-service'
  | 'saml'
  | 'oidc'
  | 'public';

export interface TrustEntry {
  kind: TrustKind;
  /** The principal value as written: account ARN, service name, provider ARN, `*`. */
  principal: string;
  accountId: string | null;
  isConditional: boolean;
  conditions: ConditionEntry[];
  /** OIDC only: the `sub` claim is pinned to specific values without wildcards. */
  isSubjectPinned: boolean | null;
  /** OIDC only, e.g. `token.actions.githubusercontent.com`. */
  oidcProvider: string | null;
}

export interface ReachPath {
  /** Principal ARNs from the one that starts to the role that holds Bedrock access, in order. */
  chain: string[];
}

export interface Exposure {
  trusts: TrustEntry[];
  /** Users and roles that can become this principal through sts:AssumeRole, with their chains. */
  assumableBy: ReachPath[];
  isReachableFromOutsideOrganization: boolean;
  hasUnpinnedOidcTrust: boolean;
  hasPublicTrust: boolean;
}

export interface BlastRadiusFactor {
  id: 'actions' | 'models' | 'regions' | 'accounts' | 'exposure' | 'credentials' | 'environment' | 'controls' | 'usage';
  label: string;
  /** The measured fact, human-readable ('govern, invoke', '12 of 64 regions'). */
  value: string;
  points: number;
  maxPoints: number;
  sentence: string;
}

export interface BlastRadius {
  score: number; // 0..100, integer
  factors: BlastRadiusFactor[];
}

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface SodRule {
  id: string;
  title: string;
  severity: Severity;
  rationale: string;
  /** A side matches when the principal holds any listed tier or any action matching a listed pattern. */
  sideA: { tiers: Tier[]; actions: string[] };
  sideB: { tiers: Tier[]; actions: string[] };
}

export interface SodConflict {
  ruleId: string;
  severity: Severity;
  title: string;
  /** The grants on each side, as `action` + path, so the UI can link both. */
  sideA: Grant[];
  sideB: Grant[];
}

export type RecommendationKind =
  | 'revoke-unused'
  | 'pin-models'
  | 'require-guardrail'
  | 'replace-managed-policy'
  | 'pin-oidc-subject'
  | 'replace-access-keys';

export interface Recommendation {
  kind: RecommendationKind;
  title: string;
  detail: string;
  /** The grant path concerned, when the recommendation is about one. */
  path: GrantPath | null;
}

// ---------------------------------------------------------------------------
// Blast-radius facts (added by the trust / blast-radius / SoD / recommendations modules)
// ---------------------------------------------------------------------------

/**
 * The measured facts a blast-radius score is computed from. Every field is independent of the
 * others so that the score can be shown to be monotone in each one (see score-blast-radius.ts).
 */
export interface BlastRadiusFacts {
  /** Tiers the principal holds through Bedrock grants. */
  tiers: Tier[];
  /** Over invoke-tier grants: all foundation models, or how many distinct model ARN patterns. */
  modelScope: { isAllModels: boolean; modelPatternCount: number };
  /** Regions the principal can invoke in; 'all' when some invoke grant has no region limit. */
  regionCount: number | 'all';
  /** Regions counted as "all" (e.g. the regions where Bedrock is offered). */
  totalRegionCount: number;
  /** Accounts where this identity holds Bedrock access directly or through role assumption. */
  accountCount: number;
  exposure: {
    kinds: TrustKind[];
    hasUnpinnedOidc: boolean;
    hasPublicTrust: boolean;
    /** Distinct users and roles that can become this principal. */
    assumableByCount: number;
  };
  credentials: {
    type: 'user' | 'role';
    activeAccessKeys: number;
    /** 0 when there is no active key. */
    oldestKeyAgeDays: number;
    hasBedrockApiKey: boolean;
    consoleWithoutMfa: boolean;
  };
  environment: Environment;
  controls: {
    /** Every invoke grant requires a guardrail (vacuously true without invoke grants). */
    allInvokeRequiresGuardrail: boolean;
    /** No invoke grant covers all models (vacuously true without invoke grants). */
    modelsPinned: boolean;
    /** The enforced guardrail and logging of its account over its invoke regions; absent or null when not read. */
    account?: AccountControlCoverage | null;
  };
  /** CloudTrail's Bedrock calls of this principal over the usage window; absent or null when no CloudTrail was read. */
  usage?: BedrockUsageFact | null;
}

/** What the usage factor reads: successful Bedrock calls over a window ending at the scan's start. */
export interface BedrockUsageFact {
  windowDays: number;
  /** Successful calls (denied attempts are not use). */
  calls: number;
  lastUsed: string | null;
  /** Whole days since the principal was created; younger than the window is too new to call unused. */
  ageDays: number;
}

// ---------------------------------------------------------------------------
// Effective access of one principal (added by the evaluation module)
// ---------------------------------------------------------------------------

/** What `evaluatePrincipal` returns for one principal. */
export interface PrincipalAccess {
  /** Bedrock actions only: one grant per (action, granting statement, grant path). */
  grants: Grant[];
  /** The supporting IAM/STS actions (iam:Put*Policy, iam:Attach*Policy, iam:CreatePolicyVersion, iam:PassRole, sts:AssumeRole). */
  supportingGrants: Grant[];
  /** Bedrock actions an identity policy allows but a Deny, the boundary or an SCP blocks. */
  denied: DeniedAction[];
  /** Problems met on the way (a policy that failed to parse, a missing managed policy); the rest is still evaluated. */
  errors: string[];
}
