import type { RawControlsFile } from '../../lib/controls/raw-controls';
import { demoBedrockPolicies, demoControlsFile } from './controls-plan';
import type { AuthorizationDetails, OrganizationFile, RawCredentialFile } from '../../scanners/raw-types';
import { AccountBuilder } from './account-builder';
import { populateAccount } from './account-recipes';
import { fillPrincipals } from './fill-principals';
import { buildOrganizationFile, planOrganization, type AccountKind, type OrganizationPlan, type PlannedAccount } from './organization-plan';
import { SeededRandom } from './random';
import type { RecipeContext } from './recipe-context';

/** Options of the generator. Without `accountCount` it produces the committed demo organisation. */
export interface GenerateOrganizationOptions {
  /** PRNG seed; the same seed always gives the same bytes. Default `northwind`. */
  seed?: number | string;
  /** Scale mode: this many accounts (at least 3) instead of the hand-picked demo. */
  accountCount?: number;
  /**
   * Scale mode: users and roles per account. An account never drops its characteristic
   * principals, so the real count is at least those (about 12 to 25 depending on the kind).
   */
  principalsPerAccount?: number;
}

/** One generated account, ready to be written as `<accountId>.json` and `credentials/<accountId>.json`. */
export interface GeneratedAccount {
  accountId: string;
  accountName: string;
  kind: AccountKind;
  authorizationDetails: AuthorizationDetails;
  credentials: RawCredentialFile;
}

export const DEFAULT_SEED = 'northwind';

/** Users and roles per account kind in the committed demo (about 230 principals in all). */
const DEMO_TARGET_BY_KIND: Record<AccountKind, number> = {
  management: 14,
  security: 16,
  'log-archive': 12,
  prod: 26,
  nonprod: 28,
  sandbox: 18,
  'shared-ml': 22,
};

function resolvePlan(options: GenerateOrganizationOptions): OrganizationPlan {
  if (options.accountCount !== undefined && (!Number.isInteger(options.accountCount) || options.accountCount < 1)) {
    throw new RangeError(`accountCount must be a positive integer, got ${options.accountCount}`);
  }
  return planOrganization(options.accountCount);
}

function generateAccount(plan: OrganizationPlan, account: PlannedAccount, options: GenerateOrganizationOptions): GeneratedAccount {
  // One PRNG per account: an account's content does not depend on how many accounts came before it.
  const random = new SeededRandom(`${options.seed ?? DEFAULT_SEED}/${account.id}`);
  const builder = new AccountBuilder(account.id);
  const context: RecipeContext = { plan, account, random, builder, humanGroups: [] };
  const target = options.accountCount === undefined ? DEMO_TARGET_BY_KIND[account.kind] : (options.principalsPerAccount ?? 100);
  populateAccount(context, (filled) => fillPrincipals(filled, target));
  return { accountId: account.id, accountName: account.name, kind: account.kind, authorizationDetails: builder.build(), credentials: builder.buildCredentials() };
}

/**
 * Yields the organisation's accounts one at a time, so a thousand-account benchmark holds only
 * one account in memory. Deterministic for a given seed.
 */
export function* generateOrganization(options: GenerateOrganizationOptions = {}): Generator<GeneratedAccount, void, undefined> {
  const plan = resolvePlan(options);
  for (const account of plan.accounts) yield generateAccount(plan, account, options);
}

/** The organisation file (OUs, account tags, SCPs) matching `generateOrganization` with the same options. */
export function generateOrganizationFile(options: GenerateOrganizationOptions = {}): OrganizationFile {
  const plan = resolvePlan(options);
  const file = buildOrganizationFile(plan);
  // The committed demo has Bedrock controls (controls-plan.ts); scale mode stays as it was.
  if (options.accountCount !== undefined) return file;
  const bedrock = demoBedrockPolicies(plan);
  return { ...file, policies: [...file.policies, ...bedrock.policies], effectivePolicies: bedrock.effectivePolicies };
}

/** `controls/<accountId>.json` of every demo account; none in scale mode. */
export function generateControlsFiles(options: GenerateOrganizationOptions = {}): RawControlsFile[] {
  if (options.accountCount !== undefined) return [];
  const plan = resolvePlan(options);
  return plan.accounts.map((account) => demoControlsFile(plan, account));
}
