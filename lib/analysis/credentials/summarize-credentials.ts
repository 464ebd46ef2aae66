import type { CredentialSummary } from '../snapshot-analysis-types';
import type { AccessKeyFacts, PrincipalFacts, UserFacts } from '../types';

/** Standing access unused for longer than this is flagged for revocation (PRODUCT.md). */
export const UNUSED_AFTER_DAYS = 90;

/** Bedrock API keys are service-specific credentials of this service. */
export const BEDROCK_CREDENTIAL_SERVICE = 'bedrock.amazonaws.com';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days from `isoDate` to `now`, never negative (a clock skew of the source must not
 * produce "-1 days ago"). Null for a missing or unparseable date.
 */
export function daysSince(isoDate: string | null, now: Date): number | null {
  if (!isoDate) return null;
  const time = Date.parse(isoDate);
  if (Number.isNaN(time)) return null;
  return Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
}

/** One active access key, measured against the clock. */
export interface AccessKeyUsage {
  id: string;
  ageDays: number | null;
  lastUsedDaysAgo: number | null;
  lastUsedService: string | null;
  /** Never used, or not used for more than UNUSED_AFTER_DAYS. */
  isUnused: boolean;
}

/** The user's active access keys with age and last use, oldest first. */
export function listActiveAccessKeys(user: UserFacts, now: Date): AccessKeyUsage[] {
  const keys = (user.credentials?.accessKeys ?? []).filter((key) => key.status === 'Active');
  return keys
    .map((key) => {
      const lastUsedDaysAgo = daysSince(key.lastUsedDate, now);
      return {
        id: key.id,
        ageDays: daysSince(key.createDate, now),
        lastUsedDaysAgo,
        lastUsedService: key.lastUsedService,
        isUnused: lastUsedDaysAgo === null || lastUsedDaysAgo > UNUSED_AFTER_DAYS,
      };
    })
    .sort((left, right) => (right.ageDays ?? 0) - (left.ageDays ?? 0) || left.id.localeCompare(right.id));
}

/** Active Bedrock API keys (service-specific credentials) that have not expired at `now`. */
export function listActiveBedrockApiKeyIds(user: UserFacts, now: Date): string[] {
  return (user.credentials?.serviceCredentials ?? [])
    .filter((credential) => credential.serviceName === BEDROCK_CREDENTIAL_SERVICE && credential.status === 'Active')
    .filter((credential) => credential.expirationDate === null || Date.parse(credential.expirationDate) > now.getTime())
    .map((credential) => credential.id);
}

function minimum(values: Array<number | null>): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : Math.min(...known);
}

function isBedrockService(service: string | null): boolean {
  // IAM reports the service name of the last call: 'bedrock' (bedrock-runtime calls report it too).
  return service !== null && service.toLowerCase().startsWith('bedrock');
}

/**
 * Days since the last Bedrock use the snapshot can show, or null when it shows none.
 *
 * An approximation: Access Advisor (service last accessed) data is not in the snapshot.
 * Roles: days since the role was last used for anything. Users: the most recent of an access
 * key last used with a Bedrock service and the console password's last use (the console may
 * have been used for Bedrock). Bedrock API keys carry no last-use date here.
 */
export function lastBedrockUseDaysAgo(principal: PrincipalFacts, now: Date): number | null {
  if (principal.type === 'role') return daysSince(principal.lastUsedDate, now);
  const credentials = principal.credentials;
  if (!credentials) return null;
  const keyUses = credentials.accessKeys
    .filter((key: AccessKeyFacts) => isBedrockService(key.lastUsedService))
    .map((key) => daysSince(key.lastUsedDate, now));
  return minimum([...keyUses, daysSince(credentials.passwordLastUsed, now)]);
}

/** Whether standing access is used, unused for UNUSED_AFTER_DAYS, or cannot be told. */
export interface BedrockUseAssessment {
  status: 'used' | 'unused' | 'unknown';
  lastUseDaysAgo: number | null;
}

/**
 * Decides whether a principal's Bedrock access is unused standing access.
 *
 * - A use within the window: 'used'.
 * - A use older than the window, or no use of a principal that has existed longer than the
 *   window: 'unused' (a role created last week is not yet "unused").
 * - A user without credential data (offline import without a credential report): 'unknown',
 *   so that nothing is recommended for revocation on missing data.
 */
export function assessBedrockUse(principal: PrincipalFacts, now: Date, unusedAfterDays = UNUSED_AFTER_DAYS): BedrockUseAssessment {
  if (principal.type === 'user' && principal.credentials === null) return { status: 'unknown', lastUseDaysAgo: null };
  const lastUseDaysAgo = lastBedrockUseDaysAgo(principal, now);
  if (lastUseDaysAgo !== null) return { status: lastUseDaysAgo > unusedAfterDays ? 'unused' : 'used', lastUseDaysAgo };
  const ageDays = daysSince(principal.createDate, now);
  if (ageDays === null) return { status: 'unknown', lastUseDaysAgo: null };
  return { status: ageDays > unusedAfterDays ? 'unused' : 'used', lastUseDaysAgo: null };
}

/**
 * Standing-credential facts of a user or role at `now`. Roles have no long-term credentials
 * (only `roleLastUsedDaysAgo` is set); a user without credential data reports zeros and nulls.
 */
export function summarizeCredentials(principal: PrincipalFacts, now: Date): CredentialSummary {
  if (principal.type === 'role') {
    const roleLastUsedDaysAgo = daysSince(principal.lastUsedDate, now);
    return {
      activeAccessKeyCount: 0,
      oldestActiveKeyAgeDays: null,
      lastKeyUseDaysAgo: null,
      hasBedrockApiKey: false,
      hasConsolePasswordWithoutMfa: false,
      roleLastUsedDaysAgo,
      lastBedrockUseDaysAgo: roleLastUsedDaysAgo,
    };
  }
  const credentials = principal.credentials;
  const activeKeys = listActiveAccessKeys(principal, now);
  const ages = activeKeys.map((key) => key.ageDays).filter((age): age is number => age !== null);
  return {
    activeAccessKeyCount: activeKeys.length,
    oldestActiveKeyAgeDays: ages.length === 0 ? null : Math.max(...ages),
    lastKeyUseDaysAgo: minimum((credentials?.accessKeys ?? []).map((key) => daysSince(key.lastUsedDate, now))),
    hasBedrockApiKey: listActiveBedrockApiKeyIds(principal, now).length > 0,
    hasConsolePasswordWithoutMfa: credentials !== null && credentials.hasConsolePassword && !credentials.hasMfa,
    roleLastUsedDaysAgo: null,
    lastBedrockUseDaysAgo: lastBedrockUseDaysAgo(principal, now),
  };
}
