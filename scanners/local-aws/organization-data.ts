import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RawControlsFile } from '../../lib/controls/raw-controls';
import { parseControlsFile } from '../offline/controls-schema';
import type { AuthorizationDetails, OrganizationFile, RawCredentialFile } from '../raw-types';
import { LocalAwsDataError } from './errors';
import type { RawIdentityCenter } from '../raw-identity-center';
import { loadIdentityCenterData } from './identity-center-data';

/** What the endpoint serves: the organisation and, per account, its IAM data and credential facts. */
export interface LocalOrganizationData {
  organization: OrganizationFile;
  accounts: Record<string, { details: AuthorizationDetails; credentials: RawCredentialFile | null }>;
  /** `controls/<accountId>.json` by account: the Bedrock control-plane answers (lib/controls/raw-controls.ts). */
  controls?: Record<string, RawControlsFile>;
  /** `identity-center.json` when present: what sso-admin and identitystore serve. */
  identityCenter?: RawIdentityCenter | null;
}

// Loose structural checks: the files are the offline source's, validated fully by its mappers;
// here we only refuse shapes the endpoint could not serve at all.
const authorizationDetailsSchema = z.looseObject({
  UserDetailList: z.array(z.looseObject({ UserName: z.string(), Arn: z.string() })),
  GroupDetailList: z.array(z.looseObject({ GroupName: z.string(), Arn: z.string() })),
  RoleDetailList: z.array(z.looseObject({ RoleName: z.string(), Arn: z.string() })),
  Policies: z.array(z.looseObject({ Arn: z.string(), PolicyVersionList: z.array(z.looseObject({ VersionId: z.string() })) })),
});

const organizationFileSchema = z.looseObject({
  organization: z.object({ id: z.string(), managementAccountId: z.string().regex(/^\d{12}$/) }),
  roots: z.array(z.object({ id: z.string(), name: z.string() })),
  organizationalUnits: z.array(z.object({ id: z.string(), name: z.string(), parentId: z.string() })),
  accounts: z.array(z.looseObject({ id: z.string().regex(/^\d{12}$/), name: z.string(), email: z.string(), status: z.string(), parentId: z.string(), tags: z.record(z.string(), z.string()) })),
  policies: z.array(z.looseObject({ id: z.string(), name: z.string(), type: z.string(), content: z.union([z.string(), z.record(z.string(), z.unknown())]), targetIds: z.array(z.string()) })),
});

const credentialFileSchema = z.looseObject({ accountId: z.string(), users: z.array(z.looseObject({ userName: z.string() })) });

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (error) {
    throw new LocalAwsDataError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function check<T>(schema: z.ZodType, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new LocalAwsDataError(`${file}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  // The schema checked the structure the endpoint relies on; the remaining fields are passed through
  // untouched, exactly as the offline source reads them.
  return value as T;
}

/**
 * Loads the demo/org layout: `organization.json`, `<accountId>.json` (the output of
 * `aws iam get-account-authorization-details`) and optional `credentials/<accountId>.json`.
 * An account listed in the organisation without a details file is served with empty IAM data.
 */
export function loadOrganizationData(directory: string): LocalOrganizationData {
  const organizationPath = path.join(directory, 'organization.json');
  if (!existsSync(organizationPath)) throw new LocalAwsDataError(`No organization.json in ${directory}`);
  const organization = check<OrganizationFile>(organizationFileSchema, readJson(organizationPath), organizationPath);
  const accounts: LocalOrganizationData['accounts'] = {};
  for (const account of organization.accounts) {
    const detailsPath = path.join(directory, `${account.id}.json`);
    const details = existsSync(detailsPath)
      ? check<AuthorizationDetails>(authorizationDetailsSchema, readJson(detailsPath), detailsPath)
      : { UserDetailList: [], GroupDetailList: [], RoleDetailList: [], Policies: [] };
    const credentialsPath = path.join(directory, 'credentials', `${account.id}.json`);
    const credentials = existsSync(credentialsPath) ? check<RawCredentialFile>(credentialFileSchema, readJson(credentialsPath), credentialsPath) : null;
    accounts[account.id] = { details, credentials };
  }
  const controls: Record<string, RawControlsFile> = {};
  const controlsDirectory = path.join(directory, 'controls');
  if (existsSync(controlsDirectory)) {
    for (const name of readdirSync(controlsDirectory).filter((entry) => entry.endsWith('.json')).sort()) {
      const file = path.join(controlsDirectory, name);
      try {
        const parsed = parseControlsFile(readJson(file));
        controls[parsed.accountId] = parsed;
      } catch (error) {
        throw new LocalAwsDataError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  const stray = readdirSync(directory).filter((name) => /^\d{12}\.json$/.test(name) && !accounts[name.slice(0, 12)]);
  if (stray.length > 0) throw new LocalAwsDataError(`${directory}: ${stray.join(', ')} not listed in organization.json`);
  return { organization, accounts, controls, identityCenter: loadIdentityCenterData(directory) };
}
