import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AuthorizationDetails } from '../../scanners/raw-types';
import { generateControlsFiles, generateOrganization, generateOrganizationFile, type GenerateOrganizationOptions } from './generate-organization';
import { generateIdentityCenter } from './identity-center';

export interface WriteOrganizationOptions extends GenerateOrganizationOptions {
  directory: string;
  /** JSON indentation; 4 is what the AWS CLI prints. */
  indent?: number;
  onAccount?: (accountId: string, index: number) => void;
}

export interface WriteOrganizationSummary {
  accountCount: number;
  userCount: number;
  roleCount: number;
  groupCount: number;
  policyCount: number;
  bytesWritten: number;
}

const GENERATED_FILE = /^(\d{12}|organization|identity-center)\.json$/;
const GENERATED_FOLDERS = ['credentials', 'controls'];

/** Removes files an earlier run wrote (and only those), so a smaller run leaves no stale accounts. */
function removePreviousOutput(directory: string): void {
  for (const folder of [directory, ...GENERATED_FOLDERS.map((name) => path.join(directory, name))]) {
    // Both folders exist: writeOrganization creates them first.
    for (const entry of readdirSync(folder)) if (GENERATED_FILE.test(entry)) rmSync(path.join(folder, entry));
  }
}

/**
 * Writes `organization.json`, one `<accountId>.json` per account and `credentials/<accountId>.json`,
 * one account at a time: memory stays flat however many accounts are asked for.
 */
export function writeOrganization(options: WriteOrganizationOptions): WriteOrganizationSummary {
  const indent = options.indent ?? 4;
  for (const name of GENERATED_FOLDERS) mkdirSync(path.join(options.directory, name), { recursive: true });
  removePreviousOutput(options.directory);
  const summary: WriteOrganizationSummary = { accountCount: 0, userCount: 0, roleCount: 0, groupCount: 0, policyCount: 0, bytesWritten: 0 };
  const write = (file: string, value: unknown) => {
    const text = `${JSON.stringify(value, null, indent)}\n`;
    writeFileSync(file, text);
    summary.bytesWritten += Buffer.byteLength(text);
  };
  write(path.join(options.directory, 'organization.json'), generateOrganizationFile(options));
  for (const controls of generateControlsFiles(options)) write(path.join(options.directory, 'controls', `${controls.accountId}.json`), controls);
  // Identity Center needs only the SSO roles of each account: kept while the accounts stream past.
  const ssoRoles: Array<{ accountId: string; authorizationDetails: AuthorizationDetails }> = [];
  for (const account of generateOrganization(options)) {
    if (options.accountCount === undefined) {
      const roles = account.authorizationDetails.RoleDetailList.filter((role) => role.Path.startsWith('/aws-reserved/sso.amazonaws.com/'));
      ssoRoles.push({ accountId: account.accountId, authorizationDetails: { ...account.authorizationDetails, RoleDetailList: roles, UserDetailList: [], GroupDetailList: [], Policies: [] } });
    }
    write(path.join(options.directory, `${account.accountId}.json`), account.authorizationDetails);
    write(path.join(options.directory, 'credentials', `${account.accountId}.json`), account.credentials);
    options.onAccount?.(account.accountId, summary.accountCount);
    summary.accountCount += 1;
    summary.userCount += account.authorizationDetails.UserDetailList.length;
    summary.roleCount += account.authorizationDetails.RoleDetailList.length;
    summary.groupCount += account.authorizationDetails.GroupDetailList.length;
    summary.policyCount += account.authorizationDetails.Policies.length;
  }
  // The committed demo has a real Identity Center behind its SSO roles (scale mode does not, yet).
  if (options.accountCount === undefined) write(path.join(options.directory, 'identity-center.json'), generateIdentityCenter(ssoRoles));
  return summary;
}
