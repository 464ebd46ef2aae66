import type { TrustKind } from '../types';
import type { TrustPrincipal } from './parse-trust-document';

/** What a trust policy principal value says once classified. */
export interface ClassifiedPrincipal {
  kind: TrustKind;
  accountId: string | null;
  /** True for `arn:aws:iam::ACCOUNT:root` and a bare account id: every principal of that account. */
  isAccountRoot: boolean;
  /** OIDC only: the provider as condition keys name it (`token.actions.githubusercontent.com`). */
  oidcProvider: string | null;
}

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):root$/i;
const PRINCIPAL_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):.+$/i;
const FEDERATED_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):(saml-provider|oidc-provider)\/(.+)$/i;
/** Unique ids of deleted users and roles: IAM replaces the ARN with them and nobody can match them again. */
const DELETED_PRINCIPAL_ID = /^A(?:IDA|ROA)[A-Z0-9]{8,}$/;

function classifyAccount(accountId: string, roleAccountId: string, organizationAccountIds: ReadonlySet<string>): TrustKind {
  if (accountId === roleAccountId) return 'same-account';
  return organizationAccountIds.has(accountId) ? 'organization-account' : 'external-account';
}

/**
 * Classifies one principal of a trust statement relative to the role's account and the
 * organisation. Returns null for principals that can never match (deleted principals).
 */
export function classifyTrustPrincipal(
  principal: TrustPrincipal,
  roleAccountId: string,
  organizationAccountIds: ReadonlySet<string>,
): ClassifiedPrincipal | null {
  const { type, value } = principal;
  const base = { isAccountRoot: false, oidcProvider: null, accountId: null };
  if (type === '*' || value === '*') return { ...base, kind: 'public' };
  if (type === 'Service') return { ...base, kind: 'aws-service' };
  if (type === 'Federated') {
    const match = FEDERATED_ARN.exec(value);
    if (match) {
      const [, accountId, providerType, providerName] = match;
      return providerType.toLowerCase() === 'saml-provider'
        ? { ...base, kind: 'saml', accountId }
        : { ...base, kind: 'oidc', accountId, oidcProvider: providerName };
    }
    // Web identity without an IAM provider ARN: Cognito, Google, Facebook, Amazon.
    return { ...base, kind: 'oidc', oidcProvider: value };
  }
  if (type === 'AWS') {
    if (DELETED_PRINCIPAL_ID.test(value)) return null;
    const rootMatch = ACCOUNT_ID.test(value) ? [value, value] : ROOT_ARN.exec(value);
    if (rootMatch) {
      const accountId = rootMatch[1];
      return { ...base, kind: classifyAccount(accountId, roleAccountId, organizationAccountIds), accountId, isAccountRoot: true };
    }
    const principalMatch = PRINCIPAL_ARN.exec(value);
    if (principalMatch) {
      const accountId = principalMatch[1];
      return { ...base, kind: classifyAccount(accountId, roleAccountId, organizationAccountIds), accountId };
    }
  }
  // Unknown forms (CanonicalUser, malformed values) are kept as external: over-reporting is safer.
  return { ...base, kind: 'external-account' };
}
