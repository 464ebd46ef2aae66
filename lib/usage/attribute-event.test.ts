import { describe, expect, it } from 'vitest';
import { attributeEvent } from './attribute-event';
import type { CloudTrailRecord } from './cloudtrail-record';
import { SessionOriginIndex } from './session-origins';
import { assumeRoleRecord, assumeRoleWithWebIdentityRecord, bedrockRecord, iamUser, roleSession } from './test-support/records';
import type { AttributedCall } from './types';

interface Case {
  name: string;
  /** STS events seen in the same logs, in order. */
  sessions?: CloudTrailRecord[];
  event: CloudTrailRecord;
  then: Partial<Omit<AttributedCall, 'caller'>> & { caller?: Partial<AttributedCall['caller']> };
}

const SSO_ROLE = 'AWSReservedSSO_BedrockUsers_0123456789abcdef';

const cases: Case[] = [
  {
    name: 'IAM user with a long-term access key: iam-user, standing credential',
    event: bedrockRecord(iamUser('Alice')),
    then: { principalArn: 'arn:aws:iam::111122223333:user/Alice', principalKind: 'user', credential: 'access-key', isStandingCredential: true, caller: { kind: 'iam-user', name: 'Alice', basis: 'access-key', reason: null } },
  },
  {
    name: 'Bedrock API key (bearer token) of an IAM user: iam-user, marked bedrock-api-key',
    event: bedrockRecord(iamUser('BedrockAPIKey_1719830000', 'AKIAI44QH8DHBEXAMPLE'), { additionalEventData: { callWithBearerToken: true } }),
    then: { credential: 'bedrock-api-key', isStandingCredential: true, caller: { kind: 'iam-user', name: 'BedrockAPIKey_1719830000', basis: 'bedrock-api-key' } },
  },
  {
    name: 'short-term API key made from a role session: not standing',
    event: bedrockRecord(roleSession('app-role', 'botocore-session-1'), { additionalEventData: { callWithBearerToken: true } }),
    then: { credential: 'short-term-api-key', isStandingCredential: false, caller: { kind: 'unattributed', reason: 'arbitrary-session-name' } },
  },
  {
    name: 'Identity Center permission-set role: the session name is the person',
    event: bedrockRecord(roleSession(SSO_ROLE, 'jane.doe@example.com')),
    then: { principalArn: `arn:aws:iam::111122223333:role/${SSO_ROLE}`, principalKind: 'role', caller: { kind: 'person', name: 'jane.doe@example.com', basis: 'identity-center-session', identityCenterUserId: null } },
  },
  {
    name: 'onBehalfOf carries the Identity Center UserId (kept for joining to people)',
    event: bedrockRecord(roleSession(SSO_ROLE, 'jane.doe@example.com', { onBehalfOf: { userId: '544894e8-80c1-707f-60e3-3ba6510dfac1', identityStoreArn: 'arn:aws:identitystore::111122223333:identitystore/d-9067642ac7' } })),
    then: { caller: { kind: 'person', name: 'jane.doe@example.com', identityCenterUserId: '544894e8-80c1-707f-60e3-3ba6510dfac1', basis: 'identity-center-user-id' } },
  },
  {
    name: 'session with a source identity: the source identity is the person',
    event: bedrockRecord(roleSession('DataScientist', 'session-42', { sessionContext: { sourceIdentity: 'DiegoRamirez' } })),
    then: { caller: { kind: 'person', name: 'DiegoRamirez', basis: 'source-identity' } },
  },
  {
    name: 'role chain from an IAM user access key: the user, standing',
    sessions: [assumeRoleRecord(iamUser('ci-deployer'), 'ml-runner', 'deploy-123', 'ASIACHAIN1EXAMPLE')],
    event: bedrockRecord(roleSession('ml-runner', 'deploy-123', { accessKeyId: 'ASIACHAIN1EXAMPLE' })),
    then: { principalArn: 'arn:aws:iam::111122223333:role/ml-runner', isStandingCredential: true, caller: { kind: 'iam-user', name: 'ci-deployer', basis: 'role-chain' } },
  },
  {
    name: 'role chain from an Identity Center session, two hops: the person',
    sessions: [
      assumeRoleRecord(roleSession(SSO_ROLE, 'sam@example.com', { accessKeyId: 'ASIASSO0EXAMPLE' }), 'hop-one', 'sam', 'ASIAHOP1EXAMPLE'),
      assumeRoleRecord(roleSession('hop-one', 'sam', { accessKeyId: 'ASIAHOP1EXAMPLE' }), 'bedrock-target', 'anything', 'ASIAHOP2EXAMPLE'),
    ],
    event: bedrockRecord(roleSession('bedrock-target', 'anything', { accessKeyId: 'ASIAHOP2EXAMPLE' })),
    then: { principalArn: 'arn:aws:iam::111122223333:role/bedrock-target', isStandingCredential: false, caller: { kind: 'person', name: 'sam@example.com', basis: 'role-chain' } },
  },
  {
    name: 'AssumeRole with a source identity: the source identity',
    sessions: [assumeRoleRecord(roleSession('broker', 'x', { accessKeyId: 'ASIABROKEREXAMPLE' }), 'analyst', 'y', 'ASIASRCIDEXAMPLE', { sourceIdentity: 'priya' })],
    event: bedrockRecord(roleSession('analyst', 'y', { accessKeyId: 'ASIASRCIDEXAMPLE' })),
    then: { caller: { kind: 'person', name: 'priya', basis: 'source-identity' } },
  },
  {
    name: 'GitHub Actions OIDC with its AssumeRoleWithWebIdentity event: workload named by subject',
    sessions: [assumeRoleWithWebIdentityRecord('github-ci', 'repo:example-org/model-evals:ref:refs/heads/main', 'ASIAOIDC1EXAMPLE')],
    event: bedrockRecord(roleSession('github-ci', 'GitHubActions', { accessKeyId: 'ASIAOIDC1EXAMPLE', sessionContext: { webIdFederationData: { federatedProvider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', attributes: {} } } })),
    then: { caller: { kind: 'workload', name: 'token.actions.githubusercontent.com:repo:example-org/model-evals:ref:refs/heads/main', basis: 'oidc-subject' } },
  },
  {
    name: 'OIDC session without its AssumeRoleWithWebIdentity event: workload by provider, subject unknown',
    event: bedrockRecord(roleSession('github-ci', 'GitHubActions', { sessionContext: { webIdFederationData: { federatedProvider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', attributes: {} } } })),
    then: { caller: { kind: 'workload', name: 'token.actions.githubusercontent.com as github-ci', basis: 'oidc-provider' } },
  },
  {
    name: 'Lambda execution role: AssumeRole by the service names the function',
    sessions: [assumeRoleRecord({ type: 'AWSService', invokedBy: 'lambda.amazonaws.com' }, 'summarise-fn-role', 'summarise-fn', 'ASIALAMBDAEXAMPLE')],
    event: bedrockRecord(roleSession('summarise-fn-role', 'summarise-fn', { accessKeyId: 'ASIALAMBDAEXAMPLE' })),
    then: { caller: { kind: 'workload', name: 'lambda.amazonaws.com:summarise-fn', basis: 'aws-service' } },
  },
  {
    name: 'instance-profile credentials: workload named by the instance',
    event: bedrockRecord(roleSession('batch-host', 'i-0123456789abcdef0', { sessionContext: { ec2RoleDelivery: '2.0' } })),
    then: { caller: { kind: 'workload', name: 'ec2:i-0123456789abcdef0', basis: 'ec2-instance' } },
  },
  {
    name: 'role session with an arbitrary name and no source identity: unattributed, says why',
    event: bedrockRecord(roleSession('shared-app', 'botocore-session-1700000000')),
    then: { principalArn: 'arn:aws:iam::111122223333:role/shared-app', caller: { kind: 'unattributed', name: 'arn:aws:iam::111122223333:role/shared-app', reason: 'arbitrary-session-name', basis: 'none' } },
  },
  {
    name: 'role chain from the root user: still unattributed, but a standing credential',
    sessions: [assumeRoleRecord({ type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', accessKeyId: 'AKIAROOTEXAMPLE' }, 'ml-runner', 'x', 'ASIAFROMROOTEXAMPLE')],
    event: bedrockRecord(roleSession('ml-runner', 'x', { accessKeyId: 'ASIAFROMROOTEXAMPLE' })),
    then: { principalArn: 'arn:aws:iam::111122223333:role/ml-runner', isStandingCredential: true, caller: { kind: 'unattributed', reason: 'arbitrary-session-name' } },
  },
  {
    name: 'OIDC session whose key an unattributed root session issued: the OIDC workload, not standing',
    sessions: [assumeRoleRecord({ type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', accessKeyId: 'AKIAROOTEXAMPLE' }, 'github-ci', 'GitHubActions', 'ASIAROOTOIDCEXAMPLE')],
    event: bedrockRecord(roleSession('github-ci', 'GitHubActions', { accessKeyId: 'ASIAROOTOIDCEXAMPLE', sessionContext: { webIdFederationData: { federatedProvider: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com', attributes: {} } } })),
    then: { isStandingCredential: false, caller: { kind: 'workload', name: 'token.actions.githubusercontent.com as github-ci', basis: 'oidc-provider' } },
  },
  {
    name: 'root user: unattributed (nobody in particular), standing',
    event: bedrockRecord({ type: 'Root', principalId: '111122223333', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333', accessKeyId: 'ASIAROOTEXAMPLE' }),
    then: { principalKind: 'root', principalArn: 'arn:aws:iam::111122223333:root', isStandingCredential: true, caller: { kind: 'unattributed', reason: 'root-user' } },
  },
  {
    name: 'an AWS service calling on its own: workload',
    event: bedrockRecord({ type: 'AWSService', invokedBy: 'bedrock.amazonaws.com' }),
    then: { principalArn: null, principalKind: 'service', caller: { kind: 'workload', name: 'bedrock.amazonaws.com', basis: 'aws-service' } },
  },
  {
    name: 'caller in another account (AWSAccount): unattributed',
    event: bedrockRecord({ type: 'AWSAccount', principalId: 'AIDAEXAMPLE', accountId: '444455556666' }),
    then: { caller: { kind: 'unattributed', reason: 'caller-in-other-account', name: 'account 444455556666' } },
  },
  {
    name: 'no userIdentity: unattributed',
    event: bedrockRecord(undefined),
    then: { principalArn: null, caller: { kind: 'unattributed', reason: 'no-user-identity' } },
  },
  {
    name: 'denied call: an attempt, not use',
    event: bedrockRecord(roleSession(SSO_ROLE, 'jane.doe@example.com'), { errorCode: 'AccessDenied', errorMessage: 'User is not authorized to perform: bedrock:InvokeModel' }),
    then: { isDenied: true, errorCode: 'AccessDenied', caller: { kind: 'person' } },
  },
  {
    name: 'throttled call: use (authorised), not denied',
    event: bedrockRecord(iamUser('Alice'), { errorCode: 'ThrottlingException' }),
    then: { isDenied: false, errorCode: 'ThrottlingException' },
  },
  {
    name: 'Converse counts as the InvokeModel it needs; inference profile kept as sent',
    event: bedrockRecord(iamUser('Alice'), { eventName: 'Converse', requestParameters: { modelId: 'us.anthropic.claude-3-5-sonnet-20240620-v1:0' }, awsRegion: 'eu-west-1', eventTime: '2026-09-30T23:59:59Z' }),
    then: { action: 'bedrock:InvokeModel', eventName: 'Converse', modelId: 'us.anthropic.claude-3-5-sonnet-20240620-v1:0', region: 'eu-west-1', day: '2026-09-30', accountId: '111122223333' },
  },
  {
    name: 'ConverseStream counts as InvokeModelWithResponseStream; management calls keep their own name',
    event: bedrockRecord(iamUser('Alice'), { eventName: 'ConverseStream' }),
    then: { action: 'bedrock:InvokeModelWithResponseStream', eventName: 'ConverseStream' },
  },
  {
    name: 'AgentCore runtime call: its own service prefix, no model',
    event: bedrockRecord(iamUser('Alice'), { eventSource: 'bedrock-agentcore.amazonaws.com', eventName: 'InvokeAgentRuntime', requestParameters: { agentRuntimeArn: 'arn:aws:bedrock-agentcore:us-west-2:111122223333:runtime/x' } }),
    then: { action: 'bedrock-agentcore:InvokeAgentRuntime', modelId: null },
  },
];

describe('attributeEvent', () => {
  it.each(cases)('$name', ({ sessions, event, then }) => {
    const index = new SessionOriginIndex();
    for (const session of sessions ?? []) expect(index.observe(session)).toBe(true);
    const result = attributeEvent(event, index.lookup);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { caller, ...rest } = then;
    expect(result.call).toMatchObject(rest);
    if (caller !== undefined) expect(result.call.caller).toMatchObject(caller);
  });

  it('skips events of other services and records without a time, with the reason', () => {
    const lookup = () => undefined;
    expect(attributeEvent(bedrockRecord(iamUser('Alice'), { eventSource: 's3.amazonaws.com' }), lookup)).toEqual({ ok: false, skip: 'not a Bedrock event (s3.amazonaws.com)' });
    expect(attributeEvent(bedrockRecord(iamUser('Alice'), { eventTime: 'yesterday' }), lookup)).toEqual({ ok: false, skip: 'no eventTime' });
  });

  it('a failed AssumeRole starts no session', () => {
    const index = new SessionOriginIndex();
    expect(index.observe({ ...assumeRoleRecord(iamUser('ci-deployer'), 'ml-runner', 's', 'ASIAFAILEDEXAMPLE'), errorCode: 'AccessDenied' })).toBe(false);
    expect(index.size).toBe(0);
  });
});
