/**
 * The fields of a CloudTrail record that usage evidence reads, as CloudTrail writes them
 * (trail files `{"Records": [...]}`, or `CloudTrailEvent` of `lookup-events`). Everything is
 * optional: records come from files we did not write, and a missing field is a reason, not a crash.
 * Field names follow the CloudTrail record contents and `userIdentity` element reference.
 */
export interface CloudTrailSessionIssuer {
  type?: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  userName?: string;
}

export interface CloudTrailUserIdentity {
  type?: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  identityProvider?: string;
  credentialId?: string;
  sessionContext?: {
    sessionIssuer?: CloudTrailSessionIssuer;
    webIdFederationData?: { federatedProvider?: string; attributes?: Record<string, unknown> };
    attributes?: { creationDate?: string; mfaAuthenticated?: string };
    sourceIdentity?: string;
    ec2RoleDelivery?: string;
  };
  onBehalfOf?: { userId?: string; identityStoreArn?: string };
}

export interface CloudTrailRecord {
  eventVersion?: string;
  userIdentity?: CloudTrailUserIdentity;
  eventTime?: string;
  eventSource?: string;
  eventName?: string;
  awsRegion?: string;
  sourceIPAddress?: string;
  userAgent?: string;
  errorCode?: string;
  errorMessage?: string;
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  additionalEventData?: Record<string, unknown> | null;
  eventID?: string;
  eventType?: string;
  recipientAccountId?: string;
}

/** The event sources whose calls are Bedrock usage, with the IAM service prefix of their actions. */
export const BEDROCK_EVENT_SOURCES: Readonly<Record<string, string>> = {
  'bedrock.amazonaws.com': 'bedrock',
  'bedrock-agentcore.amazonaws.com': 'bedrock-agentcore',
  'bedrock-mantle.amazonaws.com': 'bedrock-mantle',
};

/** STS calls whose responses start a session that later Bedrock calls may be made with. */
export const SESSION_EVENT_NAMES = ['AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML'] as const;

export function isBedrockRecord(record: CloudTrailRecord): boolean {
  return typeof record.eventSource === 'string' && record.eventSource in BEDROCK_EVENT_SOURCES;
}

export function isSessionRecord(record: CloudTrailRecord): boolean {
  return record.eventSource === 'sts.amazonaws.com' && (SESSION_EVENT_NAMES as readonly string[]).includes(record.eventName ?? '');
}
