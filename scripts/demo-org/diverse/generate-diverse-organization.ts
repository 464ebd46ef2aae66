/**
 * The `diverse` benchmark organisation (issue #16): the shape the engine was not tuned for.
 * Customer policies are drawn per account, AWS managed policies (the real documents) are
 * attached at explicit rates, groups carry inline and managed policies, some principals have
 * boundaries, and roles are trusted in every way: same-account principals and roots, other
 * accounts' roots and roles, GitHub OIDC pinned and unpinned, services, Identity Center and
 * `*` narrowed by aws:PrincipalOrgID. CI accounts hold deploy roles that many accounts trust.
 * Deterministic: one PRNG per account seeded from the seed and the account id.
 */
import type { OrganizationFile } from '../../../scanners/raw-types';
import { AccountBuilder, type ManagedPolicyReference } from '../account-builder';
import type { CustomerPolicyDefinition } from '../customer-policies';
import type { GeneratedAccount } from '../generate-organization';
import type { AwsManagedPolicyName } from '../managed-policies';
import { buildOrganizationFile, planOrganization, type OrganizationPlan, type PlannedAccount } from '../organization-plan';
import { SeededRandom } from '../random';
import { githubActionsTrust, identityCenterTrust, organizationWideTrust, principalTrust, serviceTrust } from '../trust-policies';
import type { DiverseOrganizationParameters, DiverseTrustKind } from './diverse-parameters';
import { randomDocument, teamOf } from './diverse-policies';

/** Roles every account has, so other accounts can name them by ARN. */
const READ_ONLY_ROLE = { name: 'BedrockAccessReviewReadOnly', path: '/security/' };
const PLATFORM_ROLE = 'platform-automation';
const DEPLOY_TARGET_ROLE = 'deploy-target';
const SERVICES = ['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com', 'bedrock.amazonaws.com', 'sagemaker.amazonaws.com', 'bedrock-agentcore.amazonaws.com'];
const GITHUB_ORGANIZATIONS = ['acme', 'acme-ml', 'acme-platform'];

interface DiversePlan {
  plan: OrganizationPlan;
  parameters: DiverseOrganizationParameters;
  ciAccountIds: string[];
}

function planDiverse(parameters: DiverseOrganizationParameters): DiversePlan {
  if (!Number.isInteger(parameters.accountCount) || parameters.accountCount < 3) throw new RangeError(`accountCount must be an integer >= 3, got ${parameters.accountCount}`);
  const plan = planOrganization(parameters.accountCount);
  const ciAccountIds = plan.accounts.filter((account) => account.index >= 3 && account.index % parameters.ciAccountEvery === 3).map((account) => account.id);
  if (ciAccountIds.length === 0) ciAccountIds.push(plan.accounts[plan.accounts.length - 1].id);
  return { plan, parameters, ciAccountIds };
}

function weightedPick<K extends string>(random: SeededRandom, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as Array<[K, number]>;
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = random.next() * total;
  for (const [kind, weight] of entries) {
    draw -= weight;
    if (draw < 0) return kind;
  }
  return entries[entries.length - 1][0];
}

function customerPolicies(random: SeededRandom, account: PlannedAccount, parameters: DiverseOrganizationParameters): CustomerPolicyDefinition[] {
  const policies: CustomerPolicyDefinition[] = [];
  for (let index = 0; index < parameters.customerPoliciesPerAccount; index += 1) {
    const team = teamOf(random);
    const versionCount = random.chance(parameters.nonDefaultVersionRate) ? random.integer(2, 3) : 1;
    const versions = Array.from({ length: versionCount }, (_, version) => ({ document: randomDocument(random, account.id, parameters, `P${index}V${version}S`), createdDaysAgo: 400 - version * 90 - random.integer(0, 60) }));
    policies.push({ name: `${team}-bedrock-${index}`, path: random.chance(0.3) ? `/${team}/` : '/', description: `Bedrock access for the ${team} team`, versions });
  }
  return policies;
}

function managedFor(random: SeededRandom, parameters: DiverseOrganizationParameters, policies: CustomerPolicyDefinition[]): ManagedPolicyReference[] {
  const managed: ManagedPolicyReference[] = [];
  for (const [name, rate] of Object.entries(parameters.managedPolicyRates) as Array<[AwsManagedPolicyName, number]>) if (random.chance(rate)) managed.push(name);
  const [min, max] = parameters.customerPoliciesPerPrincipal;
  for (const policy of random.sample(policies, random.integer(min, max))) managed.push(policy);
  return managed;
}

function trustFor(random: SeededRandom, context: DiversePlan, account: PlannedAccount, kind: DiverseTrustKind, sameAccountNames: string[]): Record<string, unknown> {
  const { plan } = context;
  const otherAccount = () => {
    const other = random.pick(plan.accounts);
    return other.id === account.id ? plan.accounts[(other.index + 1) % plan.accounts.length] : other;
  };
  switch (kind) {
    case 'same-account-role':
      if (sameAccountNames.length > 0) return principalTrust([`arn:aws:iam::${account.id}:${random.pick(sameAccountNames)}`]);
      return principalTrust([`arn:aws:iam::${account.id}:root`]);
    case 'same-account-root':
      return principalTrust([`arn:aws:iam::${account.id}:root`]);
    case 'cross-account-root':
      return principalTrust([`arn:aws:iam::${otherAccount().id}:root`]);
    case 'cross-account-role':
      return principalTrust([`arn:aws:iam::${otherAccount().id}:role/${random.chance(0.5) ? PLATFORM_ROLE : DEPLOY_TARGET_ROLE}`]);
    case 'oidc-pinned':
      return githubActionsTrust(account.id, `repo:${random.pick(GITHUB_ORGANIZATIONS)}/${teamOf(random)}-service:ref:refs/heads/main`);
    case 'oidc-unpinned':
      return githubActionsTrust(account.id, `repo:${random.pick(GITHUB_ORGANIZATIONS)}/*`);
    case 'service':
      return serviceTrust(random.pick(SERVICES), random.chance(0.5) ? account.id : undefined);
    case 'identity-center':
      return identityCenterTrust(account.id, plan.identityCenterHex);
    case 'organization-wide':
      return organizationWideTrust(plan.organizationId);
  }
}

function userCredentials(random: SeededRandom) {
  return {
    console: random.chance(0.5) ? { lastUsedDaysAgo: random.chance(0.8) ? random.integer(0, 200) : null, hasMfa: random.chance(0.7) } : undefined,
    accessKeys: Array.from({ length: random.integer(0, 2) }, () => ({ ageDays: random.integer(5, 900), lastUsedDaysAgo: random.chance(0.7) ? random.integer(0, 120) : null })),
    bedrockApiKeys: random.chance(0.05) ? [{ ageDays: random.integer(1, 200), expiresInDays: random.chance(0.5) ? null : random.integer(-30, 90) }] : undefined,
  };
}

function generateDiverseAccount(context: DiversePlan, account: PlannedAccount): GeneratedAccount {
  const { plan, parameters, ciAccountIds } = context;
  const random = new SeededRandom(`${parameters.seed}/${account.id}`);
  const builder = new AccountBuilder(account.id);
  const policies = customerPolicies(random, account, parameters);
  const securityAccountId = plan.accounts[1].id;

  // Fixed roles every account has: the scanner's read-only role, a platform role and a deploy target.
  builder.addRole({
    name: READ_ONLY_ROLE.name,
    path: READ_ONLY_ROLE.path,
    createdDaysAgo: 60,
    trust: principalTrust([`arn:aws:iam::${securityAccountId}:role/access-review-scanner`]),
    managed: ['IAMReadOnlyAccess'],
    lastUsedDaysAgo: 0.25,
  });
  builder.addRole({ name: PLATFORM_ROLE, createdDaysAgo: 500, trust: principalTrust([`arn:aws:iam::${account.id}:root`]), managed: managedFor(random, parameters, policies), lastUsedDaysAgo: random.integer(0, 30) });
  const trustedCi = ciAccountIds.filter((ciAccountId) => ciAccountId !== account.id);
  const ciTrusters = trustedCi.length === 0 ? [] : Array.from({ length: parameters.ciAccountsTrustedPerAccount }, (_, offset) => trustedCi[(account.index + offset) % trustedCi.length]);
  const ciArns = [...new Set(ciTrusters)].flatMap((ciAccountId) => Array.from({ length: parameters.ciRolesPerCiAccount }, (_, index) => `arn:aws:iam::${ciAccountId}:role/ci/deployer-${index}`));
  builder.addRole({
    name: DEPLOY_TARGET_ROLE,
    createdDaysAgo: 450,
    trust: ciArns.length > 0 ? principalTrust(ciArns) : principalTrust([`arn:aws:iam::${account.id}:root`]),
    managed: random.chance(0.5) ? ['PowerUserAccess'] : managedFor(random, parameters, policies),
    lastUsedDaysAgo: random.integer(0, 10),
  });
  if (account.id === securityAccountId) {
    builder.addRole({
      name: 'access-review-scanner',
      createdDaysAgo: 60,
      trust: serviceTrust('ecs-tasks.amazonaws.com'),
      inline: [{ name: 'assume-read-only-roles', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/security/BedrockAccessReviewReadOnly' }] } }],
      lastUsedDaysAgo: 0.25,
    });
  }
  if (ciAccountIds.includes(account.id)) {
    for (let index = 0; index < parameters.ciRolesPerCiAccount; index += 1) {
      builder.addRole({
        name: `deployer-${index}`,
        path: '/ci/',
        createdDaysAgo: 300,
        trust: githubActionsTrust(account.id, `repo:${random.pick(GITHUB_ORGANIZATIONS)}/*`),
        inline: [{ name: 'assume-deploy-targets', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: `arn:aws:iam::*:role/${DEPLOY_TARGET_ROLE}` }] } }],
        lastUsedDaysAgo: 0.5,
      });
    }
  }

  const groupNames: string[] = [];
  for (let index = 0; index < parameters.groupsPerAccount; index += 1) {
    const name = `${teamOf(random)}-engineers-${index}`;
    groupNames.push(name);
    builder.addGroup({
      name,
      createdDaysAgo: random.integer(100, 900),
      managed: [...random.sample(policies, random.integer(1, 2)), ...(random.chance(0.3) ? (['AmazonBedrockReadOnly'] as const) : [])],
      inline: random.chance(parameters.groupInlineRate) ? [{ name: `${name}-inline`, document: randomDocument(random, account.id, parameters, `G${index}S`) }] : undefined,
    });
  }

  const remaining = Math.max(0, parameters.principalsPerAccount - builder.principalCount);
  const userCount = Math.round(remaining * parameters.userShare);
  const names: string[] = [`role/${PLATFORM_ROLE}`];
  for (let index = 0; index < remaining; index += 1) {
    const team = teamOf(random);
    const isUser = index < userCount;
    const inline = random.chance(parameters.principalInlineRate) ? [{ name: `${team}-inline`, document: randomDocument(random, account.id, parameters, `I${index}S`) }] : undefined;
    const managed = managedFor(random, parameters, policies);
    const boundary = random.chance(parameters.boundaryRate) ? random.pick(policies) : undefined;
    const tags = random.chance(0.6) ? { team, owner: `${team}-lead@example.com` } : undefined;
    if (isUser) {
      const name = `${team}.user${index}`;
      builder.addUser({ name, createdDaysAgo: random.integer(10, 1500), groups: random.sample(groupNames, random.integer(0, 2)), managed, inline, boundary, tags, credentials: userCredentials(random) });
      names.push(`user/${name}`);
      continue;
    }
    const name = `${team}-role-${index}`;
    const kind = weightedPick(random, parameters.trustWeights);
    builder.addRole({
      name,
      createdDaysAgo: random.integer(10, 1500),
      trust: trustFor(random, context, account, kind, names),
      managed,
      inline,
      boundary,
      tags,
      lastUsedDaysAgo: random.chance(0.8) ? random.integer(0, 300) : null,
      lastUsedRegion: 'us-east-1',
    });
    names.push(`role/${name}`);
  }
  return { accountId: account.id, accountName: account.name, kind: account.kind, authorizationDetails: builder.build(), credentials: builder.buildCredentials() };
}

/** Yields the accounts one at a time (a 1,000-account run holds one account in memory). */
export function* generateDiverseOrganization(parameters: DiverseOrganizationParameters): Generator<GeneratedAccount, void, undefined> {
  const context = planDiverse(parameters);
  for (const account of context.plan.accounts) yield generateDiverseAccount(context, account);
}

/** The organisation file (OUs, tags, SCPs) of the diverse organisation: the same skeleton as the template shape. */
export function generateDiverseOrganizationFile(parameters: DiverseOrganizationParameters): OrganizationFile {
  return buildOrganizationFile(planDiverse(parameters).plan);
}
