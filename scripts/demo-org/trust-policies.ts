/**
 * Trust policies (AssumeRolePolicyDocument) for every way a role can be reached: IAM Identity
 * Center, GitHub OIDC pinned or not, AWS services, other accounts of the organisation, a
 * vendor, and `*` with or without an organisation condition.
 */

type TrustDocument = Record<string, unknown>;

function trust(...statements: Array<Record<string, unknown>>): TrustDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** A permission-set role: trusted by the account's Identity Center SAML provider. */
export function identityCenterTrust(accountId: string, identityCenterHex: string): TrustDocument {
  return trust({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${accountId}:saml-provider/AWSSSO_${identityCenterHex}_DO_NOT_DELETE` },
    Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
    Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
  });
}

const GITHUB_PROVIDER = 'token.actions.githubusercontent.com';

/**
 * GitHub Actions through OIDC. `subject` without wildcards is pinned (StringEquals); with a
 * wildcard it goes under StringLike, which any repository matching the pattern can satisfy.
 */
export function githubActionsTrust(accountId: string, subject: string): TrustDocument {
  const isPinned = !subject.includes('*') && !subject.includes('?');
  const condition: Record<string, Record<string, string>> = isPinned
    ? { StringEquals: { [`${GITHUB_PROVIDER}:aud`]: 'sts.amazonaws.com', [`${GITHUB_PROVIDER}:sub`]: subject } }
    : { StringEquals: { [`${GITHUB_PROVIDER}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${GITHUB_PROVIDER}:sub`]: subject } };
  return trust({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/${GITHUB_PROVIDER}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: condition,
  });
}

/** An AWS service principal; `sourceAccount` adds the confused-deputy guard AWS recommends. */
export function serviceTrust(services: string | string[], sourceAccount?: string): TrustDocument {
  const statement: Record<string, unknown> = { Effect: 'Allow', Principal: { Service: services }, Action: 'sts:AssumeRole' };
  if (sourceAccount) statement.Condition = { StringEquals: { 'aws:SourceAccount': sourceAccount } };
  return trust(statement);
}

/** Other principals (account roots or role ARNs), possibly in other accounts. */
export function principalTrust(principalArns: string[], condition?: Record<string, unknown>): TrustDocument {
  const statement: Record<string, unknown> = { Effect: 'Allow', Principal: { AWS: principalArns.length === 1 ? principalArns[0] : principalArns }, Action: 'sts:AssumeRole' };
  if (condition) statement.Condition = condition;
  return trust(statement);
}

/** A third party's account, with the external id it was given. */
export function vendorTrust(vendorAccountId: string, externalId: string | null): TrustDocument {
  return principalTrust([`arn:aws:iam::${vendorAccountId}:root`], externalId ? { StringEquals: { 'sts:ExternalId': externalId } } : undefined);
}

/** `*` narrowed to the organisation: any principal of any account in it. */
export function organizationWideTrust(organizationId: string): TrustDocument {
  return principalTrust(['*'], { StringEquals: { 'aws:PrincipalOrgID': organizationId } });
}

/** `*` with no condition: anyone with AWS credentials (the misconfiguration the tool must flag). */
export function publicTrust(): TrustDocument {
  return principalTrust(['*']);
}
