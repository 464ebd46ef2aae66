import type { IdentityCenterDirectory } from '../../lib/people/types';
import type { OrganizationFile } from '../raw-types';
import type { AccountSource } from '../map/build-snapshot';
import type { ParsedFile } from './parse-offline-file';

export interface OfflineSources {
  organization: OrganizationFile | null;
  accounts: AccountSource[];
  identityCenter: IdentityCenterDirectory | null;
  warnings: string[];
}

/**
 * Pairs each account's authorization details with its credential file (by account id, not
 * file name), ready for `buildSnapshot`. Credential files for accounts without authorization
 * details are reported, not guessed at.
 */
export function toAccountSources(files: ParsedFile[]): OfflineSources {
  const credentialsByAccount = new Map<string, Extract<ParsedFile, { kind: 'credentials' }>>();
  let organization: OrganizationFile | null = null;
  let identityCenter: IdentityCenterDirectory | null = null;
  const identityCenterWarnings: string[] = [];
  const accounts: AccountSource[] = [];
  for (const file of files) {
    if (file.kind === 'credentials') credentialsByAccount.set(file.accountId, file);
    else if (file.kind === 'organization') organization ??= file.organization;
    else if (file.kind === 'identity-center' && identityCenter === null) {
      identityCenter = file.identityCenter;
      identityCenterWarnings.push(...file.problems.map((problem) => `${file.file}: ${problem}`));
    }
  }
  const toleratedWarnings: string[] = [];
  for (const file of files) {
    if (file.kind !== 'authorization-details') continue;
    for (const warning of file.warnings ?? []) toleratedWarnings.push(`${file.file}: ${warning}`);
    const credentials = credentialsByAccount.get(file.accountId);
    credentialsByAccount.delete(file.accountId);
    accounts.push({ accountId: file.accountId, details: file.details, credentials: credentials?.credentials ?? null, origin: file.file });
  }
  const warnings = [...toleratedWarnings, ...identityCenterWarnings, ...[...credentialsByAccount.values()].map((file) => `${file.file}: credential data for account ${file.accountId}, which has no authorization-details file; ignored`)];
  return { organization, accounts, identityCenter, warnings };
}
