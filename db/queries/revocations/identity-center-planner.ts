import { and, eq } from 'drizzle-orm';
import type { AppDatabase } from '../../client';
import { ssoRoleLinks } from '../../schema';
import { createSsoRolePlanner } from '../../../lib/revocations/identity-center/plan-for-sso-role';
import type { PlanIdentityCenter } from '../../../lib/revocations/plan-revocation';
import type { EvaluateAccess } from '../../../lib/revocations/types';
import { loadIdentityCenterDirectory } from '../people/load-identity-center-directory';

/**
 * The `planIdentityCenter` hook for an `AWSReservedSSO_*` role of a scan: its permission set (the
 * scan's role link), the directory the scan read, and the accounts the set is provisioned to (its
 * roles and its assignments). Undefined when the scan read no Identity Center: the refusal stands.
 */
export function identityCenterPlannerFor(database: AppDatabase, input: { scanId: number; roleArn: string; evaluate: EvaluateAccess }): PlanIdentityCenter | undefined {
  const directory = loadIdentityCenterDirectory(database, input.scanId);
  if (!directory) return undefined;
  const link = database.select({ permissionSetArn: ssoRoleLinks.permissionSetArn }).from(ssoRoleLinks).where(and(eq(ssoRoleLinks.scanId, input.scanId), eq(ssoRoleLinks.roleArn, input.roleArn))).get();
  const permissionSetArn = link?.permissionSetArn ?? null;
  const roleAccounts = permissionSetArn === null ? [] : database.select({ accountId: ssoRoleLinks.accountId }).from(ssoRoleLinks).where(and(eq(ssoRoleLinks.scanId, input.scanId), eq(ssoRoleLinks.permissionSetArn, permissionSetArn))).all();
  const provisionedAccountIds = [...roleAccounts.map((row) => row.accountId), ...directory.assignments.filter((assignment) => assignment.permissionSetArn === permissionSetArn).map((assignment) => assignment.accountId)];
  return createSsoRolePlanner({ directory, permissionSetArn, provisionedAccountIds, evaluate: input.evaluate });
}
