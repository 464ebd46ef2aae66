import type { Environment, Grant, Tier } from '../analysis/types';

/** How a region's model calls are forced through a guardrail. `unknown`: a read was refused or failed. */
export const GUARDRAIL_ENFORCEMENTS = ['organization', 'account', 'none', 'unknown'] as const;
export type GuardrailEnforcement = (typeof GUARDRAIL_ENFORCEMENTS)[number];

export const LOGGING_STATES = ['on', 'off', 'unknown'] as const;
export type LoggingState = (typeof LOGGING_STATES)[number];

/** The guardrail enforced in one account and region, and where the enforcement comes from. */
export interface GuardrailControl {
  enforced: GuardrailEnforcement;
  guardrailArn: string | null;
  version: string | null;
  name: string | null;
  /** Which filters the enforced version holds: `content`, `topic`, `word`, `sensitive-information`, `contextual-grounding`, `automated-reasoning`. */
  filters: string[];
  /** `BEDROCK_POLICY` effective policy, or the account-level configuration id. */
  source: string | null;
  /** Organisation guardrails only: its resource-based policy lets the organisation apply it (null: not read). */
  isShareable: boolean | null;
  /** Why it is unknown, or what else a person should know (an account config beside the organisation one). */
  note: string | null;
}

export interface LoggingControl {
  state: LoggingState;
  /** `s3://bucket/prefix`, `cloudwatch:log-group`. */
  destinations: string[];
  /** Data types delivered: text, image, embedding, video, audio. */
  dataTypes: string[];
  note: string | null;
}

/** The controls of one account in one region. */
export interface RegionControls {
  accountId: string;
  region: string;
  guardrail: GuardrailControl;
  logging: LoggingControl;
}

/** What the account's SCPs (as the engine evaluates them) leave of Bedrock. */
export interface ScpControls {
  /** SCPs do not apply to the management account. */
  isManagementAccount: boolean;
  /** Regions where invoke is left by SCPs; null: no region restriction. */
  approvedRegions: string[] | null;
  /** Model ARN patterns invoke is limited to; null: no model allow-list. */
  modelAllowList: string[] | null;
  /** Tiers of which an SCP denies at least one action in the account. */
  deniedTiers: Tier[];
  /** SCP names that restrict Bedrock here. */
  policyNames: string[];
}

/** The whole posture of one account. */
export interface AccountControls {
  accountId: string;
  regions: RegionControls[];
  scp: ScpControls;
}

export const CONTROL_KINDS = ['guardrail', 'logging'] as const;
export type ControlKind = (typeof CONTROL_KINDS)[number];

/** One permission that lets a principal weaken a control: the action and where it comes from. */
export interface SwitchGrant {
  action: string;
  /** The IAM grant path for Bedrock actions; null for Organizations actions (decided by the engine). */
  path: Grant['path'] | null;
  /** "managed policy `X`, statement `Y`" or the engine's reason for an Organizations action. */
  description: string;
}

/** A principal that can switch a control of an account and region off, with the grants that let it. */
export interface ControlSwitcher {
  accountId: string;
  region: string;
  control: ControlKind;
  principalArn: string;
  principalAccountId: string;
  actions: string[];
  grants: SwitchGrant[];
}

/** What the blast radius reads of an account's controls over a principal's invoke regions. */
export interface ControlCoverage {
  /** Every invoke region of the principal has an enforced guardrail (organisation or account). */
  isGuardrailEnforced: boolean;
  isGuardrailFromOrganization: boolean;
  isLoggingOn: boolean;
  /** Some invoke region is known to have neither an enforced guardrail nor logging (`none`/`off`, not unknown). */
  hasKnownGap: boolean;
  environment: Environment;
}
