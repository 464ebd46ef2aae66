import { documentText } from '../policy/parse-policy';
import type { ConditionEntry, Exposure, ReachPath, RoleFacts, TrustEntry } from '../types';
import { classifyTrustPrincipal } from './classify-principal';
import { isOidcSubjectPinned } from './oidc-subject';
import { parseTrustDocument, type TrustPrincipal, type TrustStatement } from './parse-trust-document';

/** Condition keys that confine a `*` principal to the organisation or to named accounts. */
const ORGANIZATION_SCOPE_KEYS = new Set(['aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount']);

interface CandidateEntry {
  entry: TrustEntry;
  /** Account of the principal, used to apply a Deny on an account root. */
  accountId: string | null;
}

function buildEntry(
  principal: TrustPrincipal,
  statement: TrustStatement,
  role: RoleFacts,
  organizationAccountIds: ReadonlySet<string>,
): TrustEntry | null {
  const classified = statement.isNotPrincipal
    ? // Allow + NotPrincipal admits everyone but the listed principals: as open as `*`.
      { kind: 'public' as const, accountId: null, oidcProvider: null }
    : classifyTrustPrincipal(principal, role.accountId, organizationAccountIds);
  if (!classified) return null;
  const conditions = statement.conditions;
  return {
    kind: classified.kind,
    principal: statement.isNotPrincipal ? '*' : principal.value,
    accountId: classified.accountId,
    isConditional: conditions.length > 0,
    conditions,
    isSubjectPinned: classified.kind === 'oidc' ? isOidcSubjectPinned(classified.oidcProvider ?? '', conditions) : null,
    oidcProvider: classified.kind === 'oidc' ? classified.oidcProvider : null,
  };
}

function denyCovers(denyPrincipal: TrustPrincipal, candidate: CandidateEntry): boolean {
  if (denyPrincipal.type === '*' || denyPrincipal.value === '*') return true;
  if (denyPrincipal.value.toLowerCase() === candidate.entry.principal.toLowerCase()) return true;
  // A Deny on an account (root ARN or bare id) covers every principal of that account.
  const rootMatch = /^(?:arn:aws[a-z-]*:iam::)?(\d{12})(?::root)?$/i.exec(denyPrincipal.value);
  const isAccountPrincipal = ['same-account', 'organization-account', 'external-account'].includes(candidate.entry.kind);
  return denyPrincipal.type === 'AWS' && rootMatch !== null && rootMatch[1] === candidate.accountId && isAccountPrincipal;
}

/**
 * Applies Deny statements the simple way: an unconditional Deny that covers an entry removes
 * it; a conditional one keeps it, adds its conditions (source 'deny') and marks it conditional.
 * Deny with NotPrincipal is ignored (it would only ever remove exposure, so ignoring it
 * over-reports rather than hides).
 */
function applyDenies(candidates: CandidateEntry[], denies: TrustStatement[]): CandidateEntry[] {
  let remaining = candidates;
  for (const deny of denies) {
    if (deny.isNotPrincipal || !deny.allowsAssumption) continue;
    const denyConditions: ConditionEntry[] = deny.conditions.map((condition) => ({ ...condition, source: 'deny' }));
    remaining = remaining.flatMap((candidate) => {
      if (!deny.principals.some((principal) => denyCovers(principal, candidate))) return [candidate];
      if (denyConditions.length === 0) return [];
      const conditions = [...candidate.entry.conditions, ...denyConditions];
      return [{ ...candidate, entry: { ...candidate.entry, conditions, isConditional: true } }];
    });
  }
  return remaining;
}

function entryKey(entry: TrustEntry): string {
  return JSON.stringify([entry.kind, entry.principal, entry.conditions]);
}

/**
 * Classifies every principal a role's trust policy lets assume the role (sts:AssumeRole,
 * AssumeRoleWithWebIdentity, AssumeRoleWithSAML; TagSession or SetSourceIdentity alone do not
 * count). One entry per principal and statement, exact duplicates removed, in document order.
 *
 * A `*` principal stays 'public' even under `aws:PrincipalOrgID`; the condition makes it
 * conditional and `isOrganizationScoped` tells the two apart.
 *
 * @throws TrustPolicyParseError when the document is not JSON.
 */
export function analyzeTrustPolicy(role: RoleFacts, organizationAccountIds: ReadonlySet<string>): TrustEntry[] {
  const statements = parseTrustDocument(role.trustPolicy);
  const candidates: CandidateEntry[] = [];
  for (const statement of statements) {
    if (statement.effect !== 'Allow' || !statement.allowsAssumption) continue;
    const principals = statement.isNotPrincipal ? [{ type: '*' as const, value: '*' }] : statement.principals;
    for (const principal of principals) {
      const entry = buildEntry(principal, statement, role, organizationAccountIds);
      if (entry) candidates.push({ entry, accountId: entry.accountId });
    }
  }
  const denies = statements.filter((statement) => statement.effect === 'Deny');
  const seen = new Set<string>();
  const entries: TrustEntry[] = [];
  for (const { entry } of applyDenies(candidates, denies)) {
    const key = entryKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(entry);
  }
  return entries;
}

/**
 * `analyzeTrustPolicy` for every role of one snapshot, computed once per (account, document
 * text): the entries read nothing of the role but its account, and the roles of one account
 * share a few trust documents (every SSO role trusts the same SAML provider, service roles the
 * same service). Roles with equal documents share one entry array: treat it as read-only.
 */
export function createTrustAnalyzer(organizationAccountIds: ReadonlySet<string>): (role: RoleFacts) => TrustEntry[] {
  const byAccountAndText = new Map<string, { entries: TrustEntry[] } | { error: unknown }>();
  return (role) => {
    const key = `${role.accountId}\u0000${documentText(role.trustPolicy)}`;
    let result = byAccountAndText.get(key);
    if (result === undefined) {
      try {
        result = { entries: analyzeTrustPolicy(role, organizationAccountIds) };
      } catch (error) {
        // A broken document is reported for every role that has it, without parsing it again.
        result = { error };
      }
      byAccountAndText.set(key, result);
    }
    if ('error' in result) throw result.error;
    return result.entries;
  };
}

/** True for a public entry confined to the organisation or named accounts by an allow condition. */
export function isOrganizationScoped(entry: TrustEntry): boolean {
  return entry.conditions.some(
    (condition) =>
      condition.source === 'allow' &&
      ORGANIZATION_SCOPE_KEYS.has(condition.key.toLowerCase()) &&
      /^(foranyvalue:)?string(equals|like)/i.test(condition.operator) &&
      !/ifexists$/i.test(condition.operator),
  );
}

/**
 * Sums up who can become a principal.
 *
 * Reachable from outside the organisation: an external account, an OIDC identity (tokens are
 * minted outside AWS, e.g. by GitHub) or a `*` not confined by `aws:PrincipalOrgID` /
 * `aws:PrincipalAccount`. SAML counts as inside: the provider is the organisation's own IdP.
 * `hasPublicTrust` is true for every `*` entry, org-scoped or not, because the kind is public.
 */
export function summarizeExposure(trusts: TrustEntry[], assumableBy: ReachPath[]): Exposure {
  return {
    trusts,
    assumableBy,
    isReachableFromOutsideOrganization: trusts.some(
      (entry) =>
        entry.kind === 'external-account' || entry.kind === 'oidc' || (entry.kind === 'public' && !isOrganizationScoped(entry)),
    ),
    hasUnpinnedOidcTrust: trusts.some((entry) => entry.kind === 'oidc' && entry.isSubjectPinned === false),
    hasPublicTrust: trusts.some((entry) => entry.kind === 'public'),
  };
}
