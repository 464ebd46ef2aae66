import { issueTemporaryAccessKeyId, randomSecret } from './access-keys';
import type { CallContext, QueryHandler } from './call-context';
import { AwsApiError } from './errors';
import { requiredParam } from './paging';
import { trustsCaller } from './trust-check';
import { formatWireDate } from './wire-format';
import { grantedSessionSeconds } from './sessions';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/;

/** GetCallerIdentity of the base credentials; a role shows as an assumed-role session, as in AWS. */
function baseIdentity(context: CallContext) {
  const { accountId, principalArn } = context.state.baseIdentity;
  const role = /:role\/(?:.*\/)?([^/]+)$/.exec(principalArn)?.[1];
  if (role) return { Arn: `arn:aws:sts::${accountId}:assumed-role/${role}/local-aws`, UserId: 'AROALOCALAWSBASE0001:local-aws', Account: accountId };
  return { Arn: principalArn, UserId: 'AIDALOCALAWSADMIN0001', Account: accountId };
}

/** The IAM ARN that trust policies name for the caller. */
function callerPrincipalArn(context: CallContext): string {
  return context.state.sessions.get(context.accessKeyId)?.roleArn ?? context.state.baseIdentity.principalArn;
}

function callerLabel(context: CallContext): string {
  const session = context.state.sessions.get(context.accessKeyId);
  return session ? `arn:aws:sts::${session.accountId}:assumed-role/${session.roleArn.split('/').pop() ?? ''}/${session.sessionName}` : baseIdentity(context).Arn;
}

function denied(context: CallContext, roleArn: string): AwsApiError {
  return new AwsApiError('AccessDenied', `User: ${callerLabel(context)} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, 403);
}

/** STS actions: GetCallerIdentity and AssumeRole (trust rules in trust-check.ts). */
export const stsHandlers: Record<string, QueryHandler> = {
  GetCallerIdentity: (context) => {
    const session = context.state.sessions.get(context.accessKeyId);
    if (!session) return baseIdentity(context);
    return { Arn: callerLabel(context), UserId: `${session.roleId}:${session.sessionName}`, Account: session.accountId };
  },
  AssumeRole: (context, params) => {
    const roleArn = requiredParam(params, 'RoleArn');
    const sessionName = requiredParam(params, 'RoleSessionName');
    if (!/^[\w+=,.@-]{2,64}$/.test(sessionName)) throw new AwsApiError('ValidationError', `Value '${sessionName}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`, 400);
    const match = ROLE_ARN.exec(roleArn);
    if (!match) throw new AwsApiError('ValidationError', `${roleArn} is invalid`, 400);
    const [, targetAccountId, roleName] = match;
    const target = context.state.accounts.get(targetAccountId);
    // Like AWS, the ARN must name the role's path too: `role/security/Name`, not `role/Name`.
    const role = target?.details.RoleDetailList.find((candidate) => candidate.Arn === roleArn && candidate.RoleName === roleName);
    if (!role || context.faults.isAssumeRoleDenied(targetAccountId)) throw denied(context, roleArn);
    if (!trustsCaller(role.AssumeRolePolicyDocument, { accountId: context.accountId, principalArn: callerPrincipalArn(context) }, params.get('ExternalId') ?? undefined)) throw denied(context, roleArn);
    const durationSeconds = grantedSessionSeconds(context, role, params.get('DurationSeconds'));
    const accessKeyId = issueTemporaryAccessKeyId(targetAccountId);
    const expiresAt = context.state.now() + durationSeconds * 1000;
    context.state.sessions.set(accessKeyId, { accountId: targetAccountId, roleArn: role.Arn, roleId: role.RoleId, sessionName, expiresAt });
    return {
      Credentials: { AccessKeyId: accessKeyId, SecretAccessKey: randomSecret(30), SessionToken: randomSecret(96), Expiration: formatWireDate(new Date(expiresAt)) },
      AssumedRoleUser: { AssumedRoleId: `${role.RoleId}:${sessionName}`, Arn: `arn:aws:sts::${targetAccountId}:assumed-role/${role.RoleName}/${sessionName}` },
      PackedPolicySize: 0,
    };
  },
};
