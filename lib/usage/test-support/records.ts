import type { CloudTrailRecord, CloudTrailUserIdentity } from '../cloudtrail-record';

/**
 * Record builders in the shapes of AWS's documentation: the Bedrock `InvokeModel` entry of
 * "Monitor Amazon Bedrock API calls using CloudTrail", the `userIdentity` examples of the CloudTrail
 * user guide, and the STS `AssumeRole` / `AssumeRoleWithWebIdentity` entries of the IAM guide.
 */
export function bedrockRecord(userIdentity: CloudTrailUserIdentity | undefined, overrides: Partial<CloudTrailRecord> = {}): CloudTrailRecord {
  return {
    eventVersion: '1.09',
    ...(userIdentity === undefined ? {} : { userIdentity }),
    eventTime: '2026-10-11T21:58:59Z',
    eventSource: 'bedrock.amazonaws.com',
    eventName: 'InvokeModel',
    awsRegion: 'us-west-2',
    sourceIPAddress: '192.0.2.0',
    userAgent: 'Boto3/1.28.62 md/Botocore#1.31.62 ua/2.0 os/macos#22.6.0 md/arch#arm64 lang/python#3.9.6',
    requestParameters: { modelId: 'anthropic.claude-3-haiku-20240307-v1:0' },
    responseElements: null,
    eventID: '3e5f4cd4-2fa3-4ec2-9e5b-EXAMPLE11111',
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
    ...overrides,
  };
}

export function roleSession(roleName: string, sessionName: string, extra: { accessKeyId?: string; sessionContext?: CloudTrailUserIdentity['sessionContext']; onBehalfOf?: CloudTrailUserIdentity['onBehalfOf']; account?: string } = {}): CloudTrailUserIdentity {
  const account = extra.account ?? '111122223333';
  return {
    type: 'AssumedRole',
    principalId: `AROAIDPPEZS35WEXAMPLE:${sessionName}`,
    arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${sessionName}`,
    accountId: account,
    accessKeyId: extra.accessKeyId ?? 'ASIAIOSFODNN7EXAMPLE',
    sessionContext: {
      sessionIssuer: { type: 'Role', principalId: 'AROAIDPPEZS35WEXAMPLE', arn: `arn:aws:iam::${account}:role/${roleName}`, accountId: account, userName: roleName },
      attributes: { mfaAuthenticated: 'false', creationDate: '2026-10-11T21:00:00Z' },
      ...extra.sessionContext,
    },
    ...(extra.onBehalfOf === undefined ? {} : { onBehalfOf: extra.onBehalfOf }),
  };
}

export function iamUser(userName: string, accessKeyId = 'AKIAIOSFODNN7EXAMPLE'): CloudTrailUserIdentity {
  return { type: 'IAMUser', principalId: 'AIDAJ45Q7YFFAREXAMPLE', arn: `arn:aws:iam::111122223333:user/${userName}`, accountId: '111122223333', accessKeyId, userName };
}

/** An `AssumeRole` event as CloudTrail logs it in the role's account. */
export function assumeRoleRecord(caller: CloudTrailUserIdentity, roleName: string, sessionName: string, issuedKey: string, extra: { sourceIdentity?: string; invokedBy?: string } = {}): CloudTrailRecord {
  return {
    eventVersion: '1.08',
    userIdentity: caller,
    eventTime: '2026-10-11T21:00:00Z',
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRole',
    awsRegion: 'us-east-1',
    sourceIPAddress: '203.0.113.64',
    userAgent: 'aws-cli/2.13.5',
    requestParameters: { roleArn: `arn:aws:iam::111122223333:role/${roleName}`, roleSessionName: sessionName, durationSeconds: 3600, ...(extra.sourceIdentity === undefined ? {} : { sourceIdentity: extra.sourceIdentity }) },
    responseElements: {
      credentials: { accessKeyId: issuedKey, sessionToken: '<sessionToken>', expiration: 'Oct 11, 2026, 10:00:00 PM' },
      assumedRoleUser: { assumedRoleId: `AROAIDPPEZS35WEXAMPLE:${sessionName}`, arn: `arn:aws:sts::111122223333:assumed-role/${roleName}/${sessionName}` },
      ...(extra.sourceIdentity === undefined ? {} : { sourceIdentity: extra.sourceIdentity }),
    },
    eventID: 'e9b4d6ea-5d1a-4c2b-8f66-EXAMPLE22222',
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  };
}

/** An `AssumeRoleWithWebIdentity` event from a GitHub Actions OIDC token. */
export function assumeRoleWithWebIdentityRecord(roleName: string, subject: string, issuedKey: string): CloudTrailRecord {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'WebIdentityUser', principalId: `arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com:sts.amazonaws.com:${subject}`, userName: subject, identityProvider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
    eventTime: '2026-10-11T21:00:00Z',
    eventSource: 'sts.amazonaws.com',
    eventName: 'AssumeRoleWithWebIdentity',
    awsRegion: 'us-east-1',
    sourceIPAddress: '192.0.2.101',
    userAgent: 'aws-sdk-nodejs/2.1.0',
    requestParameters: { roleArn: `arn:aws:iam::111122223333:role/${roleName}`, roleSessionName: 'GitHubActions', durationSeconds: 3600 },
    responseElements: {
      credentials: { accessKeyId: issuedKey, sessionToken: '<sessionToken>', expiration: 'Oct 11, 2026, 10:00:00 PM' },
      subjectFromWebIdentityToken: subject,
      assumedRoleUser: { assumedRoleId: 'AROAIDPPEZS35WEXAMPLE:GitHubActions', arn: `arn:aws:sts::111122223333:assumed-role/${roleName}/GitHubActions` },
      provider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
      audience: 'sts.amazonaws.com',
    },
    eventID: 'a1b2c3d4-5d1a-4c2b-8f66-EXAMPLE33333',
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  };
}
