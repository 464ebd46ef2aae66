import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mapIdentityCenter } from '../map/map-identity-center';
import type { RawIdentityCenter, RawPermissionSet } from '../raw-identity-center';
import type { CallContext } from './call-context';
import { AwsApiError, LocalAwsDataError } from './errors';
import { pageOf } from './paging';

/** The file the endpoint serves Identity Center from, beside organization.json. */
export const IDENTITY_CENTER_FILE = 'identity-center.json';

/**
 * Loads `identity-center.json` from the data directory (the offline format, see
 * scanners/offline/FORMAT.md); null when there is none. A file the offline mapper would skip
 * records of is refused: the endpoint must serve exactly what the offline import reads.
 */
export function loadIdentityCenterData(directory: string): RawIdentityCenter | null {
  const file = path.join(directory, IDENTITY_CENTER_FILE);
  if (!existsSync(file)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new LocalAwsDataError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const identityCenter = (value as { IdentityCenter?: unknown } | null)?.IdentityCenter;
  const mapped = mapIdentityCenter(identityCenter);
  if (mapped.directory === null || mapped.problems.length > 0) throw new LocalAwsDataError(`${file}: ${mapped.problems.slice(0, 3).join('; ')}`);
  return identityCenter as RawIdentityCenter;
}

/**
 * The instance, for a caller allowed to read it: the management account or the base identity's
 * account (a delegated administrator). Others get AccessDeniedException as Identity Center answers it.
 */
export function identityCenterOf(context: CallContext): RawIdentityCenter {
  const data = context.state.identityCenter;
  if (context.accountId !== context.state.managementAccountId && context.accountId !== context.state.baseIdentity.accountId) {
    throw new AwsApiError('AccessDeniedException', 'User is not authorized to perform this action: the account is neither the management account nor a delegated administrator for IAM Identity Center.', 400);
  }
  if (!data) throw new AwsApiError('AccessDeniedException', 'IAM Identity Center is not enabled in this account.', 400);
  return data;
}

/** A required string of a JSON request, answered as the service's ValidationException. */
export function requiredString(input: Record<string, unknown>, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value === '') throw new AwsApiError('ValidationException', `1 validation error detected: Value at '${name}' failed to satisfy constraint: Member must not be null`, 400);
  return value;
}

/** NextToken / MaxResults paging of the Identity Center APIs (ValidationException on a bad token). */
export function jsonPage<T>(input: Record<string, unknown>, items: T[], defaultSize: number): { items: T[]; NextToken?: string } {
  const token = typeof input.NextToken === 'string' ? input.NextToken : undefined;
  const size = typeof input.MaxResults === 'number' ? input.MaxResults : undefined;
  const page = pageOf(items, token, size, defaultSize, 'ValidationException');
  return { items: page.items, ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
}

/** The permission set `input.PermissionSetArn` names, or the error sso-admin answers for an unknown one. */
export function permissionSet(data: RawIdentityCenter, input: Record<string, unknown>): RawPermissionSet {
  const arn = requiredString(input, 'PermissionSetArn');
  const set = data.PermissionSets.find((candidate) => candidate.PermissionSetArn === arn);
  if (!set) throw new AwsApiError('ResourceNotFoundException', `Could not find PermissionSet with id ${arn.split('/').pop() ?? arn}`, 400);
  return set;
}
