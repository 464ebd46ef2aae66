import type { AppDatabase } from '../../client';
import { accounts, entitlements, grants, principals, scanAccounts, scans, sodConflicts } from '../../schema/index';
import type { StoredPrincipalAnalysis, StoredPrincipalFacts, StoredScanSummary } from '../../schema/stored-json';
import { tiersToMask } from '../../../lib/analysis/tier-mask';
import { TIERS, type ConditionEntry, type Severity, type Tier, type TrustEntry } from '../../../lib/analysis/types';
import { inWriteTransaction } from '../../write-transaction';
import { storeActionList, storeActionNames } from './action-lists';
import { summarizeScan, type SummarizedPrincipal } from '../../../scanners/pipeline/summarize-scan';

/**
 * A small, realistic snapshot for the query unit tests (NOT for the demo: the scanners write
 * real ones). Two published scans (the older one lets drift and history tests compare), one
 * failed scan that must never be shown, three accounts, principals with several owners.
 */

export const FIXTURE_ACCOUNTS = {
  mlProd: '111111111111',
  dataNonprod: '222222222222',
  sandbox: '333333333333',
} as const;

export const FIXTURE_OWNERS = {
  maya: 'maya@example.com',
  liam: 'liam@example.com',
  priya: 'priya@example.com',
} as const;

interface EntitlementSpec {
  policyName: string;
  policyKind?: 'managed' | 'inline';
  isAwsManaged?: boolean;
  groupName?: string;
  statements: Array<{
    statementId: string | null;
    actions: Array<[string, Tier]>;
    resources?: string[];
    regions?: string[];
    conditions?: ConditionEntry[];
    requiresGuardrail?: boolean;
  }>;
}

interface PrincipalSpec {
  accountId: string;
  type: 'user' | 'role';
  name: string;
  ownerEmail: string | null;
  permissionSetName?: string;
  score: number;
  lastUsedAt?: string | null;
  trusts?: TrustEntry[];
  isExposedOutsideOrg?: boolean;
  hasUnpinnedOidc?: boolean;
  hasPublicTrust?: boolean;
  entitlements: EntitlementSpec[];
  conflicts?: Array<{ ruleId: string; severity: Severity; title: string; sideA: [string, Tier, string]; sideB: [string, Tier, string] }>;
}

function arnOf(spec: Pick<PrincipalSpec, 'accountId' | 'type' | 'name'>): string {
  return `arn:aws:iam::${spec.accountId}:${spec.type}/${spec.name}`;
}

function policyArnOf(entitlement: EntitlementSpec, accountId: string): string | null {
  if ((entitlement.policyKind ?? 'managed') === 'inline') return null;
  return entitlement.isAwsManaged ? `arn:aws:iam::aws:policy/${entitlement.policyName}` : `arn:aws:iam::${accountId}:policy/${entitlement.policyName}`;
}

function entitlementKeyOf(principalArn: string, entitlement: EntitlementSpec, accountId: string): string {
  const policy = (entitlement.policyKind ?? 'managed') === 'managed' ? policyArnOf(entitlement, accountId) : `inline:${entitlement.policyName}`;
  const via = entitlement.groupName ? `group:${entitlement.groupName}` : 'direct';
  return `${principalArn}|${policy}|${via}`;
}

function buildAnalysis(spec: PrincipalSpec, tiers: Tier[]): StoredPrincipalAnalysis {
  const trusts = spec.trusts ?? [];
  return {
    tiers,
    blastRadius: {
      score: spec.score,
      factors: [
        { id: 'actions', label: 'Actions', value: tiers.join(', ') || 'none', points: Math.min(30, tiers.length * 8), maxPoints: 30, sentence: `Holds ${tiers.length} tier(s): ${tiers.join(', ')}.` },
        { id: 'models', label: 'Models', value: 'all models', points: 15, maxPoints: 15, sentence: 'Can reach every foundation model (`*`).' },
        { id: 'regions', label: 'Regions', value: '2 of 20 regions', points: 3, maxPoints: 10, sentence: 'Can invoke in 2 regions.' },
        { id: 'exposure', label: 'Exposure', value: trusts.map((trust) => trust.kind).join(', ') || 'same account', points: spec.hasPublicTrust ? 15 : 5, maxPoints: 15, sentence: 'Who can become this principal.' },
        { id: 'environment', label: 'Environment', value: spec.accountId === FIXTURE_ACCOUNTS.mlProd ? 'prod' : 'nonprod', points: 5, maxPoints: 10, sentence: 'Production accounts weigh more.' },
      ],
    },
    exposure: {
      trusts,
      assumableBy: spec.type === 'role' ? [{ chain: [`arn:aws:iam::${spec.accountId}:user/deployer`, arnOf(spec)] }] : [],
      isReachableFromOutsideOrganization: spec.isExposedOutsideOrg ?? false,
      hasUnpinnedOidcTrust: spec.hasUnpinnedOidc ?? false,
      hasPublicTrust: spec.hasPublicTrust ?? false,
    },
    denied: [
      {
        action: 'bedrock:DeleteModelInvocationLoggingConfiguration',
        tier: 'govern',
        deniedBy: { source: 'scp', kind: 'explicit', policyName: 'ProtectLogging', policyArn: null, statementId: 'DenyLoggingChanges', statementIndex: 0 },
      },
    ],
    recommendations: spec.lastUsedAt ? [] : [{ kind: 'revoke-unused', title: 'Revoke unused Bedrock access', detail: 'No Bedrock use in 90 days.', path: null }],
    credentials: {
      activeAccessKeyCount: spec.type === 'user' ? 1 : 0,
      oldestActiveKeyAgeDays: spec.type === 'user' ? 400 : null,
      lastKeyUseDaysAgo: spec.type === 'user' ? 3 : null,
      hasBedrockApiKey: false,
      hasConsolePasswordWithoutMfa: false,
      roleLastUsedDaysAgo: spec.type === 'role' ? 1 : null,
      lastBedrockUseDaysAgo: spec.lastUsedAt ? 1 : null,
    },
    reachAccountIds: [spec.accountId],
    errors: [],
  };
}

function buildFacts(spec: PrincipalSpec): StoredPrincipalFacts {
  const base = {
    arn: arnOf(spec),
    id: `AID${spec.name.toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
    name: spec.name,
    path: '/',
    accountId: spec.accountId,
    createDate: '2024-01-01T00:00:00.000Z',
    inlinePolicies: [],
    attachedManagedPolicyArns: [],
    permissionsBoundaryArn: null,
    tags: (spec.ownerEmail ? { owner: spec.ownerEmail } : {}) as Record<string, string>,
  };
  if (spec.type === 'user') {
    return {
      principal: { ...base, type: 'user', groupNames: [], credentials: { accessKeys: [], serviceCredentials: [], hasConsolePassword: false, passwordLastUsed: null, hasMfa: true } },
      groups: [],
    };
  }
  return {
    principal: { ...base, type: 'role', trustPolicy: '{}', lastUsedDate: spec.lastUsedAt ?? null, lastUsedRegion: 'us-east-1', permissionSetName: spec.permissionSetName ?? null, isServiceLinked: false },
    groups: [],
  };
}

function insertPrincipal(database: AppDatabase, scanId: number, spec: PrincipalSpec): number {
  const arn = arnOf(spec);
  const tierSet = new Set<Tier>();
  const actionSet = new Set<string>();
  for (const entitlement of spec.entitlements) {
    for (const statement of entitlement.statements) {
      for (const [action, tier] of statement.actions) {
        tierSet.add(tier);
        actionSet.add(action);
      }
    }
  }
  const tiers = TIERS.filter((tier) => tierSet.has(tier));
  const actions = [...actionSet].sort();
  const severityRank: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };
  const maxSeverity = (spec.conflicts ?? []).reduce<Severity | null>((worst, conflict) => (worst === null || severityRank[conflict.severity] > severityRank[worst] ? conflict.severity : worst), null);
  const { id: principalId } = database
    .insert(principals)
    .values({
      scanId,
      accountId: spec.accountId,
      arn,
      type: spec.type,
      name: spec.name,
      path: '/',
      ownerEmail: spec.ownerEmail,
      permissionSetName: spec.permissionSetName ?? null,
      hasBedrock: actions.length > 0,
      tiersMask: tiersToMask(tiers),
      actionCount: actions.length,
      score: spec.score,
      conflictCount: spec.conflicts?.length ?? 0,
      maxConflictSeverity: maxSeverity,
      lastUsedAt: spec.lastUsedAt ?? null,
      isExposedOutsideOrg: spec.isExposedOutsideOrg ?? false,
      hasUnpinnedOidc: spec.hasUnpinnedOidc ?? false,
      hasPublicTrust: spec.hasPublicTrust ?? false,
      facts: JSON.stringify(buildFacts(spec)),
      analysis: JSON.stringify(buildAnalysis(spec, tiers)),
      actionsHash: storeActionNames(database, actions),
    })
    .returning({ id: principals.id })
    .get();

  for (const entitlement of spec.entitlements) {
    const entitlementActions = new Set<string>();
    const entitlementTiers = new Set<Tier>();
    let isConditional = false;
    for (const statement of entitlement.statements) {
      for (const [action, tier] of statement.actions) {
        entitlementActions.add(action);
        entitlementTiers.add(tier);
      }
      isConditional ||= (statement.conditions?.length ?? 0) > 0;
    }
    const { id: entitlementId } = database
      .insert(entitlements)
      .values({
        scanId,
        principalId,
        entitlementKey: entitlementKeyOf(arn, entitlement, spec.accountId),
        policyKind: entitlement.policyKind ?? 'managed',
        policyArn: policyArnOf(entitlement, spec.accountId),
        policyName: entitlement.policyName,
        isAwsManaged: entitlement.isAwsManaged ?? false,
        attachedVia: entitlement.groupName ? 'group' : 'direct',
        groupName: entitlement.groupName ?? null,
        tiersMask: tiersToMask(entitlementTiers),
        actionsHash: storeActionNames(database, [...entitlementActions].sort()),
        actionCount: entitlementActions.size,
        isConditional,
      })
      .returning({ id: entitlements.id })
      .get();
    entitlement.statements.forEach((statement, statementIndex) => {
      const resources = statement.resources ?? ['*'];
      const regions = statement.regions ?? ['*'];
      const conditions = statement.conditions ?? [];
      database
        .insert(grants)
        .values({
          scanId,
          entitlementId,
          principalId,
          statementId: statement.statementId,
          statementIndex,
          actionsHash: storeActionList(database, JSON.stringify(statement.actions.map(([action, tier]) => ({ action, tier, resources, notResources: [], regions, conditions, requiresGuardrail: statement.requiresGuardrail ?? false })))),
          tiersMask: tiersToMask(statement.actions.map(([, tier]) => tier)),
          resources: JSON.stringify(resources),
          notResources: '[]',
          regions: JSON.stringify(regions),
          conditions: JSON.stringify(conditions),
          isConditional: conditions.length > 0,
          requiresGuardrail: statement.requiresGuardrail ?? false,
        })
        .run();
    });
  }

  for (const conflict of spec.conflicts ?? []) {
    const side = ([action, tier, policyName]: [string, Tier, string]) =>
      JSON.stringify([{ path: { policyKind: 'managed', policyArn: null, policyName, isAwsManaged: false, attachedVia: 'direct', groupName: null, statementId: null, statementIndex: 0 }, tiers: [tier], actions: [action] }]);
    database
      .insert(sodConflicts)
      .values({ scanId, principalId, principalArn: arn, accountId: spec.accountId, ruleId: conflict.ruleId, severity: conflict.severity, title: conflict.title, sideA: side(conflict.sideA), sideB: side(conflict.sideB) })
      .run();
  }
  return principalId;
}

const INVOKE: Array<[string, Tier]> = [
  ['bedrock:InvokeModel', 'invoke'],
  ['bedrock:InvokeModelWithResponseStream', 'invoke'],
];
const READ: Array<[string, Tier]> = [
  ['bedrock:GetFoundationModel', 'read'],
  ['bedrock:ListFoundationModels', 'read'],
];
const CUSTOMIZE: Array<[string, Tier]> = [['bedrock:CreateModelCustomizationJob', 'customize']];
const GOVERN: Array<[string, Tier]> = [
  ['bedrock:PutModelInvocationLoggingConfiguration', 'govern'],
  ['bedrock:DeleteGuardrail', 'govern'],
];

const REGION_CONDITION: ConditionEntry = { source: 'allow', operator: 'StringEquals', key: 'aws:RequestedRegion', values: ['eu-west-1', 'eu-central-1'], policyName: 'AnalyticsInvoke' };

/** The principals of the latest published scan. */
export function latestScanPrincipals(): PrincipalSpec[] {
  return [
    {
      accountId: FIXTURE_ACCOUNTS.mlProd,
      type: 'role',
      name: 'ml-pipeline',
      ownerEmail: FIXTURE_OWNERS.maya,
      score: 82,
      lastUsedAt: '2026-04-30T10:00:00.000Z',
      hasUnpinnedOidc: true,
      isExposedOutsideOrg: true,
      trusts: [{ kind: 'oidc', principal: 'arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com', accountId: null, isConditional: true, conditions: [{ source: 'allow', operator: 'StringLike', key: 'token.actions.githubusercontent.com:sub', values: ['repo:acme/*'], policyName: 'trust' }], isSubjectPinned: false, oidcProvider: 'token.actions.githubusercontent.com' }],
      entitlements: [
        { policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, statements: [{ statementId: 'BedrockAll', actions: [...INVOKE, ...CUSTOMIZE, ...READ] }] },
      ],
      conflicts: [{ ruleId: 'SOD-CUSTOMIZE-INVOKE', severity: 'high', title: 'Can shape a model and invoke it', sideA: ['bedrock:CreateModelCustomizationJob', 'customize', 'AmazonBedrockFullAccess'], sideB: ['bedrock:InvokeModel', 'invoke', 'AmazonBedrockFullAccess'] }],
    },
    {
      accountId: FIXTURE_ACCOUNTS.mlProd,
      type: 'role',
      name: 'AWSReservedSSO_BedrockAdmin_0123456789abcdef',
      permissionSetName: 'BedrockAdmin',
      ownerEmail: FIXTURE_OWNERS.maya,
      score: 91,
      lastUsedAt: '2026-05-01T08:00:00.000Z',
      trusts: [{ kind: 'saml', principal: 'arn:aws:iam::111111111111:saml-provider/AWSSSO', accountId: null, isConditional: false, conditions: [], isSubjectPinned: null, oidcProvider: null }],
      entitlements: [
        { policyName: 'BedrockGovernance', policyKind: 'inline', statements: [{ statementId: 'Govern', actions: GOVERN }, { statementId: null, actions: [...INVOKE, ...READ] }] },
      ],
      conflicts: [{ ruleId: 'SOD-GOVERN-INVOKE', severity: 'critical', title: 'Can change invocation logging or guardrails and invoke models', sideA: ['bedrock:PutModelInvocationLoggingConfiguration', 'govern', 'BedrockGovernance'], sideB: ['bedrock:InvokeModel', 'invoke', 'BedrockGovernance'] }],
    },
    {
      accountId: FIXTURE_ACCOUNTS.dataNonprod,
      type: 'user',
      name: 'data-scientist-1',
      ownerEmail: FIXTURE_OWNERS.liam,
      score: 40,
      lastUsedAt: null,
      entitlements: [{ policyName: 'BedrockInvoke', groupName: 'data-science', statements: [{ statementId: 'Invoke', actions: [...INVOKE, ...READ], resources: ['arn:aws:bedrock:us-east-1::foundation-model/anthropic.*'] }] }],
    },
    {
      accountId: FIXTURE_ACCOUNTS.dataNonprod,
      type: 'role',
      name: 'analytics-app',
      ownerEmail: FIXTURE_OWNERS.priya,
      score: 25,
      lastUsedAt: '2026-03-01T00:00:00.000Z',
      entitlements: [{ policyName: 'AnalyticsInvoke', statements: [{ statementId: 'InvokeInEu', actions: INVOKE, regions: ['eu-west-1', 'eu-central-1'], conditions: [REGION_CONDITION], requiresGuardrail: true }] }],
    },
    {
      accountId: FIXTURE_ACCOUNTS.dataNonprod,
      type: 'role',
      name: 'partner-access',
      ownerEmail: null,
      score: 70,
      isExposedOutsideOrg: true,
      hasPublicTrust: true,
      trusts: [{ kind: 'public', principal: '*', accountId: null, isConditional: false, conditions: [], isSubjectPinned: null, oidcProvider: null }],
      entitlements: [{ policyName: 'PartnerInvoke', statements: [{ statementId: null, actions: INVOKE }] }],
    },
    {
      accountId: FIXTURE_ACCOUNTS.mlProd,
      type: 'user',
      name: '100%_admin',
      ownerEmail: FIXTURE_OWNERS.liam,
      score: 55,
      entitlements: [{ policyName: 'ProvisionAndInvoke', statements: [{ statementId: null, actions: [...INVOKE, ['bedrock:CreateProvisionedModelThroughput', 'provision']] }] }],
      conflicts: [{ ruleId: 'SOD-PROVISION-INVOKE', severity: 'medium', title: 'Can buy provisioned throughput and invoke models', sideA: ['bedrock:CreateProvisionedModelThroughput', 'provision', 'ProvisionAndInvoke'], sideB: ['bedrock:InvokeModel', 'invoke', 'ProvisionAndInvoke'] }],
    },
    { accountId: FIXTURE_ACCOUNTS.mlProd, type: 'role', name: 'billing-reader', ownerEmail: FIXTURE_OWNERS.maya, score: 0, entitlements: [] },
  ];
}

/** The older published scan: ml-pipeline could only invoke, and a role since deleted existed. */
function previousScanPrincipals(): PrincipalSpec[] {
  return [
    {
      accountId: FIXTURE_ACCOUNTS.mlProd,
      type: 'role',
      name: 'ml-pipeline',
      ownerEmail: FIXTURE_OWNERS.maya,
      score: 60,
      lastUsedAt: '2026-03-30T10:00:00.000Z',
      entitlements: [{ policyName: 'AmazonBedrockFullAccess', isAwsManaged: true, statements: [{ statementId: 'BedrockAll', actions: [...INVOKE, ...READ] }] }],
    },
    {
      accountId: FIXTURE_ACCOUNTS.dataNonprod,
      type: 'user',
      name: 'data-scientist-1',
      ownerEmail: FIXTURE_OWNERS.liam,
      score: 45,
      entitlements: [
        { policyName: 'BedrockInvoke', groupName: 'data-science', statements: [{ statementId: 'Invoke', actions: [...INVOKE, ...READ, ...CUSTOMIZE] }] },
      ],
    },
    {
      accountId: FIXTURE_ACCOUNTS.dataNonprod,
      type: 'role',
      name: 'legacy-batch',
      ownerEmail: FIXTURE_OWNERS.priya,
      score: 30,
      entitlements: [{ policyName: 'LegacyInvoke', statements: [{ statementId: null, actions: INVOKE }] }],
    },
  ];
}

/** The pipeline's summary of the specs (scanners/pipeline/summarize-scan.ts), from the facts it reads of each principal. */
function summarise(specs: PrincipalSpec[], accountCount: number, failedAccountCount: number): StoredScanSummary {
  const principals = specs.map((spec): SummarizedPrincipal => {
    const grants = spec.entitlements.flatMap((entitlement) => entitlement.statements.flatMap((statement) => statement.actions));
    return {
      grants,
      tiers: [...new Set(grants.map(([, tier]) => tier))],
      facts: { accountId: spec.accountId },
      blastRadius: { score: spec.score },
      conflicts: spec.conflicts ?? [],
      exposure: { isReachableFromOutsideOrganization: spec.isExposedOutsideOrg ?? false, hasUnpinnedOidcTrust: spec.hasUnpinnedOidc ?? false, hasPublicTrust: spec.hasPublicTrust ?? false },
    };
  });
  return summarizeScan({ principals, accountCount, failedAccountCount, unclassifiedActions: [] });
}

/** A published offline scan, started at `startedAt` (queued then too), summarised as the pipeline does, with its principals; their ids by name. */
function insertPublishedScan(
  database: AppDatabase,
  scan: { status: 'complete' | 'partial'; startedAt: string; finishedAt: string; specs: PrincipalSpec[]; accountCount: number; failedAccountCount: number },
): { scanId: number; principalIds: Record<string, number> } {
  const { id: scanId } = database
    .insert(scans)
    .values({ status: scan.status, source: 'offline', trigger: 'cli', requestedBy: 'cli', queuedAt: scan.startedAt, startedAt: scan.startedAt, finishedAt: scan.finishedAt, isPublished: true, summary: JSON.stringify(summarise(scan.specs, scan.accountCount, scan.failedAccountCount)), progressMessage: 'Published' })
    .returning({ id: scans.id })
    .get();
  const principalIds: Record<string, number> = {};
  for (const spec of scan.specs) principalIds[spec.name] = insertPrincipal(database, scanId, spec);
  return { scanId, principalIds };
}

export interface SeededSnapshot {
  previousScanId: number;
  latestScanId: number;
  failedScanId: number;
  /** Principal ids of the latest scan by name. */
  principalIds: Record<string, number>;
  previousPrincipalIds: Record<string, number>;
}

/**
 * Seeds accounts, two published scans and one failed scan. `extraPrincipals` adds generated
 * principals to the latest scan (used by a dev seed to see paging).
 */
export function seedSnapshot(database: AppDatabase, options: { extraPrincipals?: number } = {}): SeededSnapshot {
  return inWriteTransaction(database, () => {
    const now = '2026-05-02T12:00:00.000Z';
    database
      .insert(accounts)
      .values([
        { id: FIXTURE_ACCOUNTS.mlProd, name: 'ml-prod', environment: 'prod', ownerEmail: FIXTURE_OWNERS.maya, source: 'offline', updatedAt: now, ouPath: JSON.stringify([{ id: 'r-root', name: 'Root' }, { id: 'ou-prod', name: 'Production' }]) },
        { id: FIXTURE_ACCOUNTS.dataNonprod, name: 'data-nonprod', environment: 'nonprod', ownerEmail: FIXTURE_OWNERS.liam, source: 'offline', updatedAt: now },
        { id: FIXTURE_ACCOUNTS.sandbox, name: 'sandbox', environment: 'sandbox', ownerEmail: null, source: 'offline', updatedAt: now },
      ])
      .run();

    const previous = previousScanPrincipals();
    const { scanId: previousScanId, principalIds: previousPrincipalIds } = insertPublishedScan(database, { status: 'complete', startedAt: '2026-04-01T09:00:00.000Z', finishedAt: '2026-04-01T09:01:30.000Z', specs: previous, accountCount: 2, failedAccountCount: 0 });
    for (const accountId of [FIXTURE_ACCOUNTS.mlProd, FIXTURE_ACCOUNTS.dataNonprod]) {
      database.insert(scanAccounts).values({ scanId: previousScanId, accountId, status: 'ok', principalCount: 2, bedrockPrincipalCount: 2, durationMs: 1200 }).run();
    }

    const latest = latestScanPrincipals();
    for (let index = 0; index < (options.extraPrincipals ?? 0); index += 1) {
      const tiers: Array<[string, Tier]> = index % 3 === 0 ? [...INVOKE, ...READ] : index % 3 === 1 ? INVOKE : [...READ, ['bedrock:CreateAgent', 'build']];
      latest.push({
        accountId: index % 2 === 0 ? FIXTURE_ACCOUNTS.dataNonprod : FIXTURE_ACCOUNTS.mlProd,
        type: index % 4 === 0 ? 'user' : 'role',
        name: `generated-${String(index).padStart(5, '0')}`,
        ownerEmail: [FIXTURE_OWNERS.maya, FIXTURE_OWNERS.liam, FIXTURE_OWNERS.priya][index % 3],
        score: (index * 37) % 100,
        lastUsedAt: index % 5 === 0 ? null : `2026-04-${String((index % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
        entitlements: [{ policyName: `GeneratedPolicy${index % 7}`, statements: [{ statementId: null, actions: tiers }] }],
      });
    }
    const { scanId: latestScanId, principalIds } = insertPublishedScan(database, { status: 'partial', startedAt: '2026-05-01T09:00:00.000Z', finishedAt: '2026-05-01T09:02:00.000Z', specs: latest, accountCount: 3, failedAccountCount: 1 });
    database.insert(scanAccounts).values({ scanId: latestScanId, accountId: FIXTURE_ACCOUNTS.mlProd, status: 'ok', principalCount: 4, bedrockPrincipalCount: 3, durationMs: 1500 }).run();
    database.insert(scanAccounts).values({ scanId: latestScanId, accountId: FIXTURE_ACCOUNTS.dataNonprod, status: 'ok', principalCount: 3, bedrockPrincipalCount: 3, durationMs: 900 }).run();
    database.insert(scanAccounts).values({ scanId: latestScanId, accountId: FIXTURE_ACCOUNTS.sandbox, status: 'failed', error: 'AccessDenied: sts:AssumeRole on BedrockAccessReviewReadOnly', principalCount: 0, bedrockPrincipalCount: 0, durationMs: 300 }).run();

    const { id: failedScanId } = database
      .insert(scans)
      .values({ status: 'failed', source: 'live', trigger: 'manual', requestedBy: 'admin@example.com', queuedAt: '2026-05-02T09:00:00.000Z', startedAt: '2026-05-02T09:00:01.000Z', finishedAt: '2026-05-02T09:00:05.000Z', isPublished: false, error: 'No account could be read.', progressMessage: 'Failed' })
      .returning({ id: scans.id })
      .get();
    return { previousScanId, latestScanId, failedScanId, principalIds, previousPrincipalIds };
  });
}
