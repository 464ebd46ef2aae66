import type { AccountState } from './state';

/** The columns of the IAM credential report, in AWS's order. */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user', 'arn', 'user_creation_time', 'password_enabled', 'password_last_used', 'password_last_changed', 'password_next_rotation', 'mfa_active',
  'access_key_1_active', 'access_key_1_last_rotated', 'access_key_1_last_used_date', 'access_key_1_last_used_region', 'access_key_1_last_used_service',
  'access_key_2_active', 'access_key_2_last_rotated', 'access_key_2_last_used_date', 'access_key_2_last_used_region', 'access_key_2_last_used_service',
  'cert_1_active', 'cert_1_last_rotated', 'cert_2_active', 'cert_2_last_rotated',
] as const;

/** The report's date form: `2023-01-15T10:05:00+00:00`. */
function reportDate(value: string | null | undefined): string {
  if (!value) return 'N/A';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function accessKeyColumns(key: { status: string; createDate: string; lastUsedDate: string | null; lastUsedService: string | null } | undefined): string[] {
  if (!key) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const used = key.lastUsedDate !== null;
  return [String(key.status === 'Active'), reportDate(key.createDate), used ? reportDate(key.lastUsedDate) : 'N/A', used ? 'us-east-1' : 'N/A', used ? (key.lastUsedService ?? 'N/A') : 'N/A'];
}

/**
 * Builds the CSV that GetCredentialReport returns (before base64): a `<root_account>` row, then
 * one row per IAM user, credential facts from the account's credentials file. Values follow AWS:
 * `N/A` where a credential does not exist, `no_information` for a password never used.
 */
export function buildCredentialReportCsv(account: AccountState): string {
  const rows: string[][] = [[...CREDENTIAL_REPORT_COLUMNS]];
  rows.push(['<root_account>', `arn:aws:iam::${account.accountId}:root`, '2020-01-01T00:00:00+00:00', 'not_supported', 'N/A', 'not_supported', 'not_supported', 'true', ...accessKeyColumns(undefined), ...accessKeyColumns(undefined), 'false', 'N/A', 'false', 'N/A']);
  for (const user of account.details.UserDetailList) {
    const facts = account.userCredentials(user.UserName);
    const passwordEnabled = facts?.passwordEnabled ?? false;
    const passwordLastUsed = !passwordEnabled ? 'N/A' : facts?.passwordLastUsed ? reportDate(facts.passwordLastUsed) : 'no_information';
    const keys = [...(facts?.accessKeys ?? [])].sort((left, right) => left.createDate.localeCompare(right.createDate));
    rows.push([
      user.UserName, user.Arn, reportDate(user.CreateDate), String(passwordEnabled), passwordLastUsed,
      passwordEnabled ? reportDate(user.CreateDate) : 'N/A', 'N/A', String(facts?.mfaActive ?? false),
      ...accessKeyColumns(keys[0]), ...accessKeyColumns(keys[1]), 'false', 'N/A', 'false', 'N/A',
    ]);
  }
  return rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\n');
}
