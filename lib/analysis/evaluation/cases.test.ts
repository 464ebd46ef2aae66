import { runSimulation, type Simulation } from '@cloud-copilot/iam-simulate';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ActionCatalogue, loadActionCatalogue } from '../catalogue/load-catalogue';
import type { GroupFacts, InlinePolicyFacts, ManagedPolicyFacts, OrganizationFacts, PolicyDocumentSource, PrincipalFacts, SnapshotInput } from '../types';
import { createEvaluator } from './evaluate-principal';
import { describeDecidedCondition } from './principal-facts';

/**
 * Table cases: each file in cases/ holds a list of { name, given, when, then }. `given` names
 * identity policies (inline, managed, group), a boundary and SCPs; a policy `file` is an AWS
 * managed policy read from demo/aws-managed-policies. `then.granted` cross-checks the concrete
 * decision against evaluatePrincipal's grants.
 */

interface PolicySpec {
  name?: string;
  file?: string | null;
  document?: PolicyDocumentSource;
  /** Non-default versions: per the mapper contract the snapshot never carries them. */
  otherVersions?: unknown[];
}

interface EvaluationCase {
  name: string;
  given: {
    principalType?: 'user' | 'role';
    /** The principal's own facts, for conditions on aws:PrincipalArn, aws:PrincipalTag/... (defaults: `test` at `/`, no tags, a trust policy without sts:TagSession). */
    principal?: { name?: string; path?: string; id?: string; tags?: Record<string, string>; trustPolicy?: PolicyDocumentSource };
    inline?: PolicySpec[];
    managed?: PolicySpec[];
    groups?: Array<{ name: string; inline?: PolicySpec[]; managed?: PolicySpec[] }>;
    boundary?: PolicySpec;
    /** Without an organisation, SCPs are not applied and org keys stay undecided. */
    organization?: {
      /** Defaults to `o-test`; null for an organisation file without its id. */
      id?: string | null;
      ouPath: Array<{ id: string; name: string }>;
      isManagementAccount?: boolean;
      scps: Array<{ name: string; targets: string[]; document: PolicyDocumentSource }>;
    };
  };
  when: { action: string; resource: string; region?: string };
  then: {
    decision: 'allow' | 'deny' | 'implicit-deny';
    reason: string;
    isConditional?: boolean;
    regions?: string[];
    regionsInclude?: string[];
    regionsExclude?: string[];
    requiresGuardrail?: boolean;
    granted?: boolean;
    errorContains?: string;
    /** Sentences of decided principal-fact conditions on the action's grants or denial (describeDecidedCondition). */
    decided?: string[];
    /** Part of the reason a principal-fact condition on the action's grant stayed undecided. */
    undecidedReason?: string;
  };
  /** Why iam-simulate cannot decide this case (it is then not cross-checked). */
  oracle?: string;
}

const ACCOUNT_ID = '111122223333';
/** A role that the account's principals may assume, without session tags (sts:TagSession). */
const DEFAULT_TRUST_POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT_ID}:root` }, Action: 'sts:AssumeRole' }] };
const casesDirectory = path.join(__dirname, 'cases');
const managedPoliciesDirectory = path.join(__dirname, '..', '..', '..', 'demo', 'aws-managed-policies');

function readAwsManaged(file: string): { document: Record<string, unknown>; versionId: string } {
  const raw = JSON.parse(readFileSync(path.join(managedPoliciesDirectory, `${file}.json`), 'utf8')) as { PolicyVersion: { Document: Record<string, unknown>; VersionId: string } };
  return { document: raw.PolicyVersion.Document, versionId: raw.PolicyVersion.VersionId };
}

function toManaged(spec: PolicySpec): ManagedPolicyFacts {
  if (spec.file) {
    const { document, versionId } = readAwsManaged(spec.file);
    return { arn: `arn:aws:iam::aws:policy/${spec.file}`, name: spec.file, path: '/', isAwsManaged: true, defaultVersionId: versionId, document };
  }
  const name = spec.name ?? 'unnamed';
  // Only the default version's document is carried (mapper contract); otherVersions are dropped here.
  return { arn: `arn:aws:iam::${ACCOUNT_ID}:policy/${name}`, name, path: '/', isAwsManaged: false, defaultVersionId: 'v2', document: spec.document ?? {} };
}

function toInline(spec: PolicySpec): InlinePolicyFacts {
  return { name: spec.name ?? 'unnamed', document: spec.document ?? {} };
}

/**
 * The request context AWS would build for the principal (its facts as condition keys), for the
 * oracle: iam-simulate knows nothing of the snapshot and decides only from what it is told.
 */
function principalContextVariables(principal: PrincipalFacts, organization: OrganizationFacts | null, region: string | undefined): Record<string, string | string[]> {
  const variables: Record<string, string | string[]> = {
    'aws:PrincipalArn': principal.arn,
    'aws:PrincipalAccount': principal.accountId,
    'aws:PrincipalType': principal.type === 'user' ? 'User' : 'AssumedRole',
    'aws:PrincipalIsAWSService': 'false',
  };
  if (principal.type === 'user') {
    variables['aws:username'] = principal.name;
    variables['aws:userid'] = principal.id;
  }
  for (const [key, value] of Object.entries(principal.tags)) variables[`aws:PrincipalTag/${key}`] = value;
  const account = organization?.accounts.find((candidate) => candidate.id === principal.accountId);
  if (organization?.id && account) {
    variables['aws:PrincipalOrgID'] = organization.id;
    variables['aws:PrincipalOrgPaths'] = [`${organization.id}/${account.ouPath.map((level) => level.id).join('/')}/`];
  }
  if (region) variables['aws:RequestedRegion'] = region;
  return variables;
}

function toSimulation(snapshot: SnapshotInput, principal: PrincipalFacts, when: EvaluationCase['when']): Simulation {
  const account = snapshot.accounts[0];
  const managed = new Map(account.managedPolicies.map((policy) => [policy.arn, policy]));
  const groups = principal.type === 'user' ? account.groups.filter((group) => principal.groupNames.includes(group.name)) : [];
  const documents = [
    ...principal.inlinePolicies.map((policy) => ({ name: policy.name, policy: policy.document })),
    ...principal.attachedManagedPolicyArns.map((arn) => ({ name: managed.get(arn)?.name ?? arn, policy: managed.get(arn)?.document })),
    ...groups.flatMap((group) => [...group.inlinePolicies.map((policy) => ({ name: policy.name, policy: policy.document })), ...group.attachedManagedPolicyArns.map((arn) => ({ name: managed.get(arn)?.name ?? arn, policy: managed.get(arn)?.document }))]),
  ];
  const organization = snapshot.organization;
  const orgAccount = organization?.accounts.find((candidate) => candidate.id === principal.accountId);
  const levels = orgAccount && organization?.managementAccountId !== principal.accountId ? [...orgAccount.ouPath.map((level) => level.id), orgAccount.id] : [];
  const boundary = principal.permissionsBoundaryArn ? managed.get(principal.permissionsBoundaryArn) : undefined;
  return {
    request: { principal: principal.arn, action: when.action, resource: { resource: when.resource, accountId: ACCOUNT_ID }, contextVariables: principalContextVariables(principal, organization, when.region) },
    identityPolicies: documents,
    serviceControlPolicies: levels.map((id) => ({ orgIdentifier: id, policies: (organization?.policies ?? []).filter((policy) => policy.targetIds.includes(id)).map((policy) => ({ name: policy.name, policy: policy.document })) })),
    resourceControlPolicies: [],
    permissionBoundaryPolicies: boundary ? [{ name: boundary.name, policy: boundary.document }] : undefined,
  };
}

function buildSnapshot(given: EvaluationCase['given']): { snapshot: SnapshotInput; principal: PrincipalFacts } {
  const managed = new Map<string, ManagedPolicyFacts>();
  const registerManaged = (specs: PolicySpec[] | undefined): string[] =>
    (specs ?? []).map((spec) => {
      const facts = toManaged(spec);
      managed.set(facts.arn, facts);
      return facts.arn;
    });
  const own = given.principal ?? {};
  const name = own.name ?? 'test';
  const principalPath = own.path ?? '/';
  const base = {
    id: own.id ?? (given.principalType === 'user' ? 'AIDATESTUSER' : 'AROATESTROLE'),
    name,
    path: principalPath,
    accountId: ACCOUNT_ID,
    createDate: '2024-01-01T00:00:00Z',
    inlinePolicies: (given.inline ?? []).map(toInline),
    attachedManagedPolicyArns: registerManaged(given.managed),
    permissionsBoundaryArn: given.boundary ? registerManaged([given.boundary])[0] : null,
    tags: own.tags ?? {},
  };
  const groups: GroupFacts[] = (given.groups ?? []).map((group) => ({
    arn: `arn:aws:iam::${ACCOUNT_ID}:group/${group.name}`,
    id: `AGP${group.name}`,
    name: group.name,
    path: '/',
    inlinePolicies: (group.inline ?? []).map(toInline),
    attachedManagedPolicyArns: registerManaged(group.managed),
  }));
  const principal: PrincipalFacts =
    given.principalType === 'user'
      ? { ...base, arn: `arn:aws:iam::${ACCOUNT_ID}:user${principalPath}${name}`, type: 'user', groupNames: groups.map((group) => group.name), credentials: null }
      : { ...base, arn: `arn:aws:iam::${ACCOUNT_ID}:role${principalPath}${name}`, type: 'role', trustPolicy: own.trustPolicy ?? DEFAULT_TRUST_POLICY, lastUsedDate: null, lastUsedRegion: null, permissionSetName: null, isServiceLinked: false };
  let organization: OrganizationFacts | null = null;
  if (given.organization) {
    organization = {
      id: given.organization.id === undefined ? 'o-test' : given.organization.id,
      managementAccountId: given.organization.isManagementAccount ? ACCOUNT_ID : '999999999999',
      accounts: [{ id: ACCOUNT_ID, name: 'Workload', ouPath: given.organization.ouPath, environment: 'prod', ownerEmail: null, tags: {} }],
      policies: given.organization.scps.map((scp, index) => ({ id: `p-${index}`, name: scp.name, kind: 'scp', document: scp.document, targetIds: scp.targets })),
    };
  }
  const snapshot: SnapshotInput = {
    capturedAt: '2025-01-01T00:00:00Z',
    organization,
    accounts: [
      {
        accountId: ACCOUNT_ID,
        users: principal.type === 'user' ? [principal] : [],
        roles: principal.type === 'role' ? [principal] : [],
        groups,
        managedPolicies: [...managed.values()],
      },
    ],
  };
  return { snapshot, principal };
}

const cases: Array<EvaluationCase & { file: string }> = readdirSync(casesDirectory)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .flatMap((file) => (JSON.parse(readFileSync(path.join(casesDirectory, file), 'utf8')) as EvaluationCase[]).map((entry) => ({ ...entry, file })));

let catalogue: ActionCatalogue;
beforeAll(async () => {
  catalogue = await loadActionCatalogue();
});

describe('evaluation table cases', () => {
  it('has at least 110 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(110);
  });

  it.each(cases.map((entry) => [`${entry.file}: ${entry.name}`, entry] as const))('%s', (_label, entry) => {
    const { snapshot, principal } = buildSnapshot(entry.given);
    const evaluator = createEvaluator(catalogue, snapshot);
    const result = evaluator.isAllowed(principal, entry.when.action, entry.when.resource, entry.when.region ? { region: entry.when.region } : {});
    expect(result.decision, result.reason).toBe(entry.then.decision);
    expect(result.reason).toContain(entry.then.reason);
    if (entry.then.isConditional !== undefined) expect(result.isConditional).toBe(entry.then.isConditional);

    const access = evaluator.evaluatePrincipal(principal);
    if (entry.then.errorContains) expect(access.errors.join('\n')).toContain(entry.then.errorContains);
    const grants = [...access.grants, ...access.supportingGrants].filter((grant) => grant.action.toLowerCase() === entry.when.action.toLowerCase());
    if (entry.then.granted !== undefined) expect(grants.length > 0, JSON.stringify(access.denied.filter((denied) => denied.action.toLowerCase() === entry.when.action.toLowerCase()))).toBe(entry.then.granted);
    if (entry.then.decided) {
      const denial = access.denied.find((denied) => denied.action.toLowerCase() === entry.when.action.toLowerCase());
      const sentences = [...grants.flatMap((grant) => grant.decided ?? []), ...(denial?.deniedBy.decided ?? [])].map((decided) => describeDecidedCondition(decided));
      for (const sentence of entry.then.decided) expect(sentences, JSON.stringify(sentences)).toContain(sentence);
    }
    if (entry.then.undecidedReason) {
      const reasons = grants.flatMap((grant) => grant.conditions.map((condition) => condition.undecidedReason ?? ''));
      expect(reasons.some((reason) => reason.includes(entry.then.undecidedReason as string)), JSON.stringify(reasons)).toBe(true);
    }
    const needsGrant = entry.then.regions || entry.then.regionsInclude || entry.then.regionsExclude || entry.then.requiresGuardrail !== undefined;
    if (needsGrant) {
      expect(grants.length).toBeGreaterThan(0);
      const grant = grants[0];
      if (entry.then.regions) expect(grant.regions).toEqual(entry.then.regions);
      for (const region of entry.then.regionsInclude ?? []) expect(grant.regions).toContain(region);
      for (const region of entry.then.regionsExclude ?? []) expect(grant.regions).not.toContain(region);
      if (entry.then.requiresGuardrail !== undefined) expect(grant.requiresGuardrail).toBe(entry.then.requiresGuardrail);
    }
  });
});

/** The files of issue #15's rules, whose decisions iam-simulate can reach when told the principal's facts. */
const ORACLE_FILES = new Set(['principal-facts.json', 'not-resource-deny.json']);
const ORACLE_DECISIONS: Record<string, 'allow' | 'deny' | 'implicit-deny'> = { Allowed: 'allow', ExplicitlyDenied: 'deny', ImplicitlyDenied: 'implicit-deny' };

describe('principal-fact and NotResource cases against iam-simulate', () => {
  const checked = cases.filter((entry) => ORACLE_FILES.has(entry.file) && entry.oracle === undefined);

  it('cross-checks most of them', () => {
    expect(checked.length).toBeGreaterThanOrEqual(45);
  });

  it.each(checked.map((entry) => [`${entry.file}: ${entry.name}`, entry] as const))('%s', async (_label, entry) => {
    const { snapshot, principal } = buildSnapshot(entry.given);
    const response = await runSimulation(toSimulation(snapshot, principal, entry.when), {});
    if (response.resultType === 'error') throw new Error(`oracle rejected the input: ${JSON.stringify(response.errors)}`);
    expect(ORACLE_DECISIONS[response.overallResult]).toBe(entry.then.decision);
  });
});
