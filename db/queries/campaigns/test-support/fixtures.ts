/**
 * Test data for campaign queries: a published snapshot written straight into the tables (no
 * scanner involved), with principals chosen to exercise every reviewer rule. Unit tests only.
 */
import type { AppDatabase } from '../../../client';
import { accounts, entitlements, principals, scans, sodConflicts, users } from '../../../schema/index';
import type { StoredPrincipalAnalysis, StoredPrincipalFacts } from '../../../schema/stored-json';
import { entitlementKey } from '../../../../lib/analysis/entitlements';
import { tiersToMask } from '../../../../lib/analysis/tier-mask';
import type { Recommendation, Tier } from '../../../../lib/analysis/types';
import { EMPTY_SCOPE } from '../../../../lib/campaigns/scope';
import { launchCampaign, type LaunchCampaignInput, type LaunchCampaignResult } from '../launch';
import { storeActionNames } from '../../test-support/action-lists';

export const PROD_ACCOUNT = '111111111111';
export const SANDBOX_ACCOUNT = '222222222222';
export const FIXTURE_NOW = new Date('2030-01-10T09:00:00.000Z');

export interface EntitlementSpec {
  policyName: string;
  policyArn?: string;
  kind?: 'managed' | 'inline';
  tiers: Tier[];
  actions: string[];
  via?: 'direct' | 'group';
  groupName?: string;
}

export interface PrincipalSpec {
  accountId: string;
  type: 'user' | 'role';
  name: string;
  path?: string;
  ownerTag?: string | null;
  tags?: Record<string, string>;
  score: number;
  lastUsedAt?: string | null;
  recommendations?: Recommendation[];
  conflicts?: { ruleId: string; severity: 'low' | 'medium' | 'high' | 'critical'; title: string }[];
  entitlements: EntitlementSpec[];
}

export function principalArn(spec: Pick<PrincipalSpec, 'accountId' | 'type' | 'name' | 'path'>): string {
  return `arn:aws:iam::${spec.accountId}:${spec.type}${spec.path ?? '/'}${spec.name}`;
}

export function insertScan(database: AppDatabase, options: { status?: 'complete' | 'partial'; isPublished?: boolean; finishedAt?: string } = {}): number {
  return database
    .insert(scans)
    .values({
      status: options.status ?? 'complete',
      source: 'offline',
      trigger: 'cli',
      queuedAt: options.finishedAt ?? '2030-01-01T00:00:00.000Z',
      finishedAt: options.finishedAt ?? '2030-01-01T00:10:00.000Z',
      isPublished: options.isPublished ?? true,
    })
    .returning({ id: scans.id })
    .get().id;
}

export function insertPrincipal(database: AppDatabase, scanId: number, spec: PrincipalSpec): { principalId: number; entitlementKeys: string[] } {
  const arn = principalArn(spec);
  const tiers = [...new Set(spec.entitlements.flatMap((entitlement) => entitlement.tiers))];
  const facts = { principal: { arn, name: spec.name, type: spec.type, tags: { ...(spec.ownerTag ? { owner: spec.ownerTag } : {}), ...(spec.tags ?? {}) } }, groups: [] } as unknown as StoredPrincipalFacts;
  const analysis = { tiers, recommendations: spec.recommendations ?? [] } as unknown as StoredPrincipalAnalysis;
  const principal = database
    .insert(principals)
    .values({
      scanId,
      accountId: spec.accountId,
      arn,
      type: spec.type,
      name: spec.name,
      path: spec.path ?? '/',
      ownerEmail: spec.ownerTag ?? null,
      hasBedrock: spec.entitlements.length > 0,
      tiersMask: tiersToMask(tiers),
      actionCount: spec.entitlements.reduce((sum, entitlement) => sum + entitlement.actions.length, 0),
      score: spec.score,
      conflictCount: spec.conflicts?.length ?? 0,
      maxConflictSeverity: spec.conflicts?.[0]?.severity ?? null,
      lastUsedAt: spec.lastUsedAt ?? null,
      facts: JSON.stringify(facts),
      analysis: JSON.stringify(analysis),
      actionsHash: storeActionNames(database, spec.entitlements.flatMap((entitlement) => entitlement.actions)),
    })
    .returning({ id: principals.id })
    .get();
  const keys: string[] = [];
  for (const entitlement of spec.entitlements) {
    const kind = entitlement.kind ?? 'managed';
    const path = {
      policyKind: kind,
      policyArn: kind === 'managed' ? (entitlement.policyArn ?? `arn:aws:iam::aws:policy/${entitlement.policyName}`) : null,
      policyName: entitlement.policyName,
      isAwsManaged: kind === 'managed' && !entitlement.policyArn,
      attachedVia: entitlement.via ?? 'direct',
      groupName: entitlement.groupName ?? null,
    } as const;
    const key = entitlementKey(arn, path);
    keys.push(key);
    database
      .insert(entitlements)
      .values({
        scanId,
        principalId: principal.id,
        entitlementKey: key,
        ...path,
        tiersMask: tiersToMask(entitlement.tiers),
        actionsHash: storeActionNames(database, entitlement.actions),
        actionCount: entitlement.actions.length,
        isConditional: false,
      })
      .run();
  }
  for (const conflict of spec.conflicts ?? []) {
    database.insert(sodConflicts).values({ scanId, principalId: principal.id, principalArn: arn, accountId: spec.accountId, ...conflict, sideA: '[]', sideB: '[]' }).run();
  }
  return { principalId: principal.id, entitlementKeys: keys };
}

export const FULL_ACCESS: EntitlementSpec = {
  policyName: 'AmazonBedrockFullAccess',
  tiers: ['invoke', 'customize', 'read'],
  actions: ['bedrock:CreateModelCustomizationJob', 'bedrock:InvokeModel', 'bedrock:ListFoundationModels'],
};
export const INVOKE_ONLY: EntitlementSpec = { policyName: 'invoke-claude', kind: 'inline', tiers: ['invoke'], actions: ['bedrock:InvokeModel'] };
export const GOVERN: EntitlementSpec = {
  policyName: 'guardrail-admin',
  policyArn: `arn:aws:iam::${PROD_ACCOUNT}:policy/guardrail-admin`,
  tiers: ['govern'],
  actions: ['bedrock:CreateGuardrail', 'bedrock:PutModelInvocationLoggingConfiguration'],
};

/** The standard snapshot's principals. */
export const FIXTURE_PRINCIPALS: PrincipalSpec[] = [
  // Owner tag -> maya. Holds two entitlements and an SoD conflict.
  {
    accountId: PROD_ACCOUNT,
    type: 'role',
    name: 'ml-pipeline',
    ownerTag: 'maya@example.com',
    score: 72,
    lastUsedAt: '2030-01-05T00:00:00.000Z',
    conflicts: [{ ruleId: 'SOD-CUSTOMIZE-INVOKE', severity: 'high', title: 'Can shape a model and invoke it' }],
    entitlements: [FULL_ACCESS, INVOKE_ONLY],
  },
  // Owner tag -> maya; a peer of ml-pipeline (same managed policy in the same account). Unused: revoke recommended.
  {
    accountId: PROD_ACCOUNT,
    type: 'role',
    name: 'analyst',
    ownerTag: 'maya@example.com',
    score: 35,
    lastUsedAt: null,
    recommendations: [{ kind: 'revoke-unused', title: 'Unused', detail: 'No Bedrock use in 90 days.', path: null }],
    entitlements: [FULL_ACCESS],
  },
  // No owner tag -> account owner liam. But the user IS liam: goes to the fallback admin.
  { accountId: PROD_ACCOUNT, type: 'user', name: 'liam', score: 20, lastUsedAt: '2030-01-09T00:00:00.000Z', entitlements: [INVOKE_ONLY] },
  // No owner tag -> account owner liam.
  { accountId: PROD_ACCOUNT, type: 'role', name: 'guardrail-operator', score: 55, lastUsedAt: '2030-01-09T00:00:00.000Z', entitlements: [GOVERN] },
  // Sandbox (offline source, no account owner) under /data-science/: an owner-mapping rule sends it to sofia.
  { accountId: SANDBOX_ACCOUNT, type: 'role', name: 'notebook', path: '/data-science/', score: 40, lastUsedAt: '2030-01-08T00:00:00.000Z', entitlements: [INVOKE_ONLY] },
  // Sandbox, nothing matches: fallback admin.
  { accountId: SANDBOX_ACCOUNT, type: 'user', name: 'build-bot', score: 15, lastUsedAt: '2030-01-08T00:00:00.000Z', entitlements: [INVOKE_ONLY] },
];

export interface CampaignFixture {
  scanId: number;
  keys: Record<string, string[]>;
}

/** Users, accounts, one owner-mapping rule and one published snapshot of FIXTURE_PRINCIPALS. */
export function seedCampaignFixture(database: AppDatabase, options: { scanStatus?: 'complete' | 'partial' } = {}): CampaignFixture {
  const createdAt = '2030-01-01T00:00:00.000Z';
  database
    .insert(users)
    .values([
      { email: 'admin@example.com', name: 'Ada Admin', role: 'admin', createdAt },
      { email: 'ciso@example.com', name: 'Cleo Ciso', role: 'auditor', createdAt },
      { email: 'maya@example.com', name: 'Maya', role: 'owner', createdAt },
      { email: 'liam@example.com', name: 'Liam', role: 'owner', createdAt },
      { email: 'sofia@example.com', name: 'Sofia', role: 'owner', createdAt },
    ])
    .run();
  database
    .insert(accounts)
    .values([
      { id: PROD_ACCOUNT, name: 'ml-prod', environment: 'prod', ownerEmail: 'liam@example.com', source: 'live', updatedAt: createdAt },
      { id: SANDBOX_ACCOUNT, name: 'sandbox', environment: 'sandbox', ownerEmail: null, source: 'offline', updatedAt: createdAt },
    ])
    .run();
  database.$client.prepare("INSERT INTO owner_mappings (priority, account_id, path_prefix, name_pattern, owner_email) VALUES (10, NULL, '/data-science/', NULL, 'sofia@example.com')").run();
  const scanId = insertScan(database, { status: options.scanStatus ?? 'complete' });
  const keys: Record<string, string[]> = {};
  for (const spec of FIXTURE_PRINCIPALS) keys[spec.name] = insertPrincipal(database, scanId, spec).entitlementKeys;
  return { scanId, keys };
}

export const FALLBACK = ['admin@example.com'];

/** Launches the standard 'Q1 review' over the whole fixture snapshot at FIXTURE_NOW; `overrides` change any of it. */
export function launchFixtureCampaign(database: AppDatabase, overrides: Partial<LaunchCampaignInput> = {}): LaunchCampaignResult {
  return launchCampaign(database, {
    name: 'Q1 review',
    kind: 'standard',
    scope: EMPTY_SCOPE,
    dueInDays: 14,
    closeBehaviour: 'report',
    launchedBy: 'admin@example.com',
    fallbackReviewers: FALLBACK,
    now: FIXTURE_NOW,
    ...overrides,
  });
}
