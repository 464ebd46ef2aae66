import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WriteOrganizationSummary } from '../write-organization';
import type { DiverseOrganizationParameters } from './diverse-parameters';
import { generateDiverseOrganization, generateDiverseOrganizationFile } from './generate-diverse-organization';

const GENERATED_FILE = /^(\d{12}|organization)\.json$/;

/**
 * Writes the diverse organisation in the offline import layout (`organization.json`,
 * `<accountId>.json`, `credentials/<accountId>.json`), one account at a time, compact JSON.
 */
export function writeDiverseOrganization(directory: string, parameters: DiverseOrganizationParameters): WriteOrganizationSummary {
  mkdirSync(path.join(directory, 'credentials'), { recursive: true });
  for (const folder of [directory, path.join(directory, 'credentials')]) {
    for (const entry of readdirSync(folder)) if (GENERATED_FILE.test(entry)) rmSync(path.join(folder, entry));
  }
  const summary: WriteOrganizationSummary = { accountCount: 0, userCount: 0, roleCount: 0, groupCount: 0, policyCount: 0, bytesWritten: 0 };
  const write = (file: string, value: unknown) => {
    const text = `${JSON.stringify(value)}\n`;
    writeFileSync(file, text);
    summary.bytesWritten += Buffer.byteLength(text);
  };
  write(path.join(directory, 'organization.json'), generateDiverseOrganizationFile(parameters));
  for (const account of generateDiverseOrganization(parameters)) {
    write(path.join(directory, `${account.accountId}.json`), account.authorizationDetails);
    write(path.join(directory, 'credentials', `${account.accountId}.json`), account.credentials);
    summary.accountCount += 1;
    summary.userCount += account.authorizationDetails.UserDetailList.length;
    summary.roleCount += account.authorizationDetails.RoleDetailList.length;
    summary.groupCount += account.authorizationDetails.GroupDetailList.length;
    summary.policyCount += account.authorizationDetails.Policies.length;
  }
  return summary;
}
