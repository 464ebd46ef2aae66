/**
 * The raw shapes of the Bedrock control-plane reads, exactly as the AWS CLI prints them (and as
 * the live scanner assembles them from SDK answers): one `controls/<accountId>.json` per account,
 * documented in scanners/offline/FORMAT.md. Field names are the Bedrock API's (SDK model
 * `@aws-sdk/client-bedrock`). A call that failed is kept as `{ "error": { code, message } }` so
 * that a denied read becomes "unknown", never "off".
 */

/** A call AWS refused or that failed: the error code (`AccessDeniedException`) and its message. */
export interface RawCallError {
  error: { code: string; message: string };
}

/** `aws bedrock get-model-invocation-logging-configuration`: `{}` when logging was never configured. */
export interface RawLoggingConfigurationOutput {
  loggingConfig?: {
    cloudWatchConfig?: { logGroupName: string; roleArn: string; largeDataDeliveryS3Config?: { bucketName: string; keyPrefix?: string } };
    s3Config?: { bucketName: string; keyPrefix?: string };
    textDataDeliveryEnabled?: boolean;
    imageDataDeliveryEnabled?: boolean;
    embeddingDataDeliveryEnabled?: boolean;
    videoDataDeliveryEnabled?: boolean;
    audioDataDeliveryEnabled?: boolean;
  };
}

/** One entry of `aws bedrock list-enforced-guardrails-configuration` (account-level enforcement). */
export interface RawEnforcedGuardrailConfiguration {
  configId?: string;
  guardrailArn?: string;
  guardrailId?: string;
  inputTags?: 'HONOR' | 'IGNORE' | string;
  selectiveContentGuarding?: { system?: string; messages?: string };
  guardrailVersion?: string;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
  owner?: 'ACCOUNT' | string;
  modelEnforcement?: { includedModels: string[]; excludedModels: string[] };
}

export interface RawEnforcedGuardrailsOutput {
  guardrailsConfig: RawEnforcedGuardrailConfiguration[];
}

/** One entry of `aws bedrock list-guardrails` (the DRAFT of each guardrail, or every version of one). */
export interface RawGuardrailSummary {
  id: string;
  arn: string;
  status: string;
  name: string;
  description?: string;
  version: string;
  createdAt: string;
  updatedAt: string;
}

export interface RawListGuardrailsOutput {
  guardrails: RawGuardrailSummary[];
}

/** `aws bedrock get-guardrail --guardrail-identifier ARN --guardrail-version V`, the fields we read. */
export interface RawGuardrailDefinition {
  name: string;
  guardrailId: string;
  guardrailArn: string;
  version: string;
  status: string;
  topicPolicy?: { topics: unknown[] };
  contentPolicy?: { filters?: unknown[] };
  wordPolicy?: { words?: unknown[]; managedWordLists?: unknown[] };
  sensitiveInformationPolicy?: { piiEntities?: unknown[]; regexes?: unknown[] };
  contextualGroundingPolicy?: { filters: unknown[] };
  automatedReasoningPolicy?: { policies: string[] };
  createdAt: string;
  updatedAt: string;
  blockedInputMessaging: string;
  blockedOutputsMessaging: string;
}

/** One guardrail of the account with its versions, their definitions and its resource-based policy. */
export interface RawGuardrailRecord {
  guardrailArn: string;
  /** `list-guardrails --guardrail-identifier ARN`: every version. */
  versions: RawListGuardrailsOutput | RawCallError;
  /** `get-guardrail` of each numbered version (and DRAFT when there is none). */
  definitions: Array<RawGuardrailDefinition | (RawCallError & { version: string })>;
  /** `get-resource-policy --resource-arn ARN`: `{}` when none is attached. */
  resourcePolicy: { resourcePolicy?: string } | RawCallError;
}

/** Everything read in one region of one account. */
export interface RawRegionControls {
  modelInvocationLogging: RawLoggingConfigurationOutput | RawCallError;
  enforcedGuardrails: RawEnforcedGuardrailsOutput | RawCallError;
  guardrails: RawListGuardrailsOutput | RawCallError;
  guardrailRecords: RawGuardrailRecord[];
}

/** `controls/<accountId>.json`. */
export interface RawControlsFile {
  accountId: string;
  regions: Record<string, RawRegionControls>;
}

/** `aws organizations describe-effective-policy --policy-type BEDROCK_POLICY --target-id ACCOUNT`, per account. */
export interface RawEffectivePolicy {
  targetId: string;
  policyType: 'BEDROCK_POLICY';
  /** `EffectivePolicy.PolicyContent` (a JSON string); null when AWS answered EffectivePolicyNotFoundException. */
  content: string | null;
  /** The call failed otherwise (denied, throttled out): the account's organisation guardrail is unknown. */
  error?: { code: string; message: string };
}

export function isCallError(value: unknown): value is RawCallError {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as RawCallError).error === 'object';
}
