import type { AccountFacts, AccountSnapshot, OrganizationFacts, SnapshotInput } from '../../lib/analysis/types';
import type { AuthorizationDetails, OrganizationFile, RawCredentialFile } from '../raw-types';
import { mapAuthorizationDetails } from './map-authorization-details';
import { mapOrganization, unknownAccountFacts } from './map-organization';
import { screenControlCharacters } from './screen-control-characters';
import { mapSnapshotControls, type ControlsSource } from './map-snapshot-controls';

/** One account's raw data, whatever the source (offline file, live scan, local AWS emulator). */
export interface AccountSource {
  accountId: string;
  details: AuthorizationDetails;
  credentials?: RawCredentialFile | null;
  /** Where the data came from (the file of an offline import), named in warnings. */
  origin?: string;
}

export interface BuildSnapshotInput {
  /** When the data was captured (ISO 8601); the caller owns the clock. */
  capturedAt: string;
  organization: OrganizationFile | null;
  accounts: AccountSource[];
  /** Bedrock controls reads (controls/<id>.json or the live reads); absent: controls were not read. */
  controls?: ControlsSource;
}

export interface BuildSnapshotResult {
  snapshot: SnapshotInput;
  /**
   * Facts for every account scanned, whether or not the organisation file lists it (those
   * not listed get environment `unknown`); the persist step stores these.
   */
  accountFacts: AccountFacts[];
  /** Accounts whose raw data could not be mapped; the rest of the snapshot is kept. */
  failedAccounts: Array<{ accountId: string; error: string }>;
  /** Things a person should know but that do not stop the scan. */
  warnings: string[];
}

/** Managed policy ARNs that principals or groups attach but whose documents are not in the data. */
function findMissingPolicyDocuments(account: AccountSnapshot): string[] {
  const known = new Set(account.managedPolicies.map((policy) => policy.arn));
  const missing = new Set<string>();
  for (const holder of [...account.users, ...account.roles, ...account.groups]) {
    for (const arn of holder.attachedManagedPolicyArns) if (!known.has(arn)) missing.add(arn);
  }
  for (const principal of [...account.users, ...account.roles]) {
    if (principal.permissionsBoundaryArn !== null && !known.has(principal.permissionsBoundaryArn)) missing.add(principal.permissionsBoundaryArn);
  }
  return [...missing].sort();
}

/**
 * Combines mapped accounts and the organisation into the engine's `SnapshotInput`. Pure.
 * An account absent from the organisation file is added to `organization.accounts` with
 * environment `unknown`, and reported in `warnings`; an account that fails to map is left
 * out and reported in `failedAccounts`. Without an organisation file, `snapshot.organization`
 * is null and `accountFacts` still covers every account.
 */
export function buildSnapshot(input: BuildSnapshotInput): BuildSnapshotResult {
  const warnings: string[] = [];
  const failedAccounts: BuildSnapshotResult['failedAccounts'] = [];
  const accounts: AccountSnapshot[] = [];

  for (const source of input.accounts) {
    if (source.credentials && source.credentials.accountId !== source.accountId) {
      warnings.push(`account ${source.accountId}: credential data is for account ${source.credentials.accountId}; ignored`);
    }
    const credentials = source.credentials && source.credentials.accountId === source.accountId ? source.credentials : null;
    const screened = screenControlCharacters(source.details);
    for (const problem of screened.problems) warnings.push(`${source.origin ?? `account ${source.accountId}`}: ${problem}`);
    try {
      const account = mapAuthorizationDetails({ accountId: source.accountId, details: screened.details, credentials });
      const missing = findMissingPolicyDocuments(account);
      if (missing.length > 0) {
        warnings.push(`account ${source.accountId}: ${missing.length} attached managed ${missing.length === 1 ? 'policy has' : 'policies have'} no document in the data, so ${missing.length === 1 ? 'its' : 'their'} grants are unknown: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', ...' : ''}`);
      }
      accounts.push(account);
    } catch (error) {
      failedAccounts.push({ accountId: source.accountId, error: error instanceof Error ? error.message : String(error) });
    }
  }

  const organization: OrganizationFacts | null = input.organization ? mapOrganization(input.organization) : null;
  const factsById = new Map((organization?.accounts ?? []).map((facts) => [facts.id, facts]));
  const accountFacts: AccountFacts[] = [];
  for (const source of input.accounts) {
    const known = factsById.get(source.accountId);
    if (known) {
      accountFacts.push(known);
      continue;
    }
    const facts = unknownAccountFacts(source.accountId);
    accountFacts.push(facts);
    if (organization) {
      organization.accounts.push(facts);
      factsById.set(facts.id, facts);
      warnings.push(`account ${source.accountId} is not in the organisation file: environment unknown, no OU path, no SCPs applied`);
    }
  }

  const snapshot: SnapshotInput = { capturedAt: input.capturedAt, organization, accounts };
  if (input.controls) snapshot.controls = mapSnapshotControls(input.controls, input.organization, accounts.map((account) => account.accountId));
  return { snapshot, accountFacts, failedAccounts, warnings };
}
