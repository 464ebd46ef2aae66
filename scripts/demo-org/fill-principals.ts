import type { AccountKind } from './organization-plan';
import { appDataPolicy, approvedModelsInvokePolicy, developerBoundaryPolicy, guardrailInvokePolicy, singleModelInline, euOnlyInvokePolicy, workloadBoundaryPolicy, APPROVED_MODEL_IDS } from './customer-policies';
import { ownerTags, lastUsedDays, type RecipeContext } from './recipe-context';
import { serviceTrust } from './trust-policies';

const FIRST_NAMES = ['ava', 'ben', 'chloe', 'diego', 'elena', 'farah', 'george', 'hana', 'ivan', 'jade', 'kofi', 'lena', 'mateo', 'nina', 'omar', 'paula', 'quinn', 'rosa', 'sam', 'tara', 'umar', 'vera', 'wei', 'xena', 'yusuf', 'zoe'];
const LAST_NAMES = ['adams', 'baker', 'chen', 'dubois', 'evans', 'fischer', 'garcia', 'hughes', 'ito', 'jensen', 'kim', 'lopez', 'moreau', 'nakamura', 'okafor', 'patel', 'rossi', 'silva', 'tanaka', 'unger', 'varga', 'weber', 'xu', 'young', 'zimmer'];
const APP_NAMES = [
  'support-chat', 'invoice-summarizer', 'doc-search', 'fraud-scoring', 'catalog-enricher', 'email-triage', 'contract-review',
  'meeting-notes', 'code-review-bot', 'translation', 'sentiment-pipeline', 'report-builder', 'claims-intake', 'product-qna',
  'hr-assistant', 'sales-copilot', 'ticket-router', 'data-quality', 'forecasting', 'recommendations',
];

type FillKind = 'human' | 'app-no-bedrock' | 'app-approved' | 'app-guardrail' | 'app-eu' | 'batch-single-model' | 'legacy-service-user' | 'api-key-user';

/** How often each filler appears per account kind; the weights make prod role-heavy and sandboxes key-heavy. */
const WEIGHTS: Record<AccountKind, Array<[FillKind, number]>> = {
  management: [['human', 2], ['app-no-bedrock', 4], ['legacy-service-user', 1]],
  security: [['human', 2], ['app-no-bedrock', 5], ['app-approved', 1]],
  'log-archive': [['app-no-bedrock', 6], ['human', 1]],
  prod: [['app-no-bedrock', 3], ['app-approved', 3], ['app-guardrail', 3], ['app-eu', 1], ['batch-single-model', 2], ['human', 1], ['legacy-service-user', 1]],
  nonprod: [['human', 5], ['app-no-bedrock', 2], ['app-approved', 2], ['app-guardrail', 1], ['batch-single-model', 1], ['api-key-user', 1], ['legacy-service-user', 1]],
  sandbox: [['human', 4], ['api-key-user', 3], ['app-approved', 1], ['legacy-service-user', 2]],
  'shared-ml': [['app-approved', 3], ['batch-single-model', 2], ['app-no-bedrock', 2], ['human', 2], ['app-eu', 1]],
};

function pickKind(context: RecipeContext): FillKind {
  const weights = WEIGHTS[context.account.kind];
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = context.random.next() * total;
  for (const [kind, weight] of weights) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return weights[weights.length - 1][0];
}

/** A name not yet used in the account: the base name, else the base with a counter. */
function uniqueName(context: RecipeContext, base: string): string {
  if (!context.builder.hasPrincipal(base)) return base;
  for (let counter = 2; ; counter += 1) {
    const candidate = `${base}-${counter}`;
    if (!context.builder.hasPrincipal(candidate)) return candidate;
  }
}

function addHuman(context: RecipeContext): void {
  const { random, builder } = context;
  const name = uniqueName(context, `${random.pick(FIRST_NAMES)}.${random.pick(LAST_NAMES)}`);
  const groups = context.humanGroups.length > 0 ? random.sample(context.humanGroups, random.integer(1, Math.min(2, context.humanGroups.length))) : [];
  const hasKey = random.chance(0.35);
  builder.addUser({
    name,
    path: '/people/',
    createdDaysAgo: random.integer(60, 1400),
    groups,
    boundary: random.chance(0.3) ? developerBoundaryPolicy() : undefined,
    inline: random.chance(0.15) ? [{ name: 'personal-model-access', document: singleModelInline(random.pick(APPROVED_MODEL_IDS), 'us-east-1') }] : [],
    tags: ownerTags(context, 0.8),
    credentials: {
      console: { lastUsedDaysAgo: random.chance(0.85) ? random.integer(0, 120) : null, hasMfa: random.chance(0.8) },
      accessKeys: hasKey ? [{ ageDays: random.integer(20, 900), lastUsedDaysAgo: random.chance(0.7) ? random.integer(0, 60) : null, lastUsedService: random.pick(['bedrock', 's3', 'sts']) }] : [],
    },
  });
}

function addAppRole(context: RecipeContext, kind: 'app-no-bedrock' | 'app-approved' | 'app-guardrail' | 'app-eu' | 'batch-single-model'): void {
  const { random, builder, account } = context;
  const app = random.pick(APP_NAMES);
  const runtime = random.pick(['lambda', 'ecs-task', 'ec2'] as const);
  const service = runtime === 'lambda' ? 'lambda.amazonaws.com' : runtime === 'ecs-task' ? 'ecs-tasks.amazonaws.com' : 'ec2.amazonaws.com';
  const suffix = kind === 'batch-single-model' ? 'batch' : runtime;
  const name = uniqueName(context, `${app}-${suffix}`);
  const managed = kind === 'app-no-bedrock' ? [appDataPolicy(account.id, app)] : kind === 'app-approved' ? [approvedModelsInvokePolicy(account.id)] : kind === 'app-guardrail' ? [guardrailInvokePolicy(account.id)] : kind === 'app-eu' ? [euOnlyInvokePolicy()] : [];
  builder.addRole({
    name,
    path: '/apps/',
    createdDaysAgo: random.integer(30, 1000),
    trust: serviceTrust(service),
    managed,
    inline: kind === 'batch-single-model' ? [{ name: 'invoke-one-model', document: singleModelInline(random.pick(APPROVED_MODEL_IDS), random.pick(['us-east-1', 'us-west-2'])) }] : [],
    boundary: kind !== 'app-no-bedrock' && random.chance(0.3) ? workloadBoundaryPolicy() : undefined,
    tags: ownerTags(context, 0.85, app),
    lastUsedDaysAgo: lastUsedDays(context, kind === 'app-no-bedrock' ? 'mixed' : random.chance(0.7) ? 'busy' : 'rare'),
    lastUsedRegion: kind === 'app-eu' ? 'eu-west-1' : 'us-east-1',
    instanceProfile: runtime === 'ec2',
  });
}

function addLegacyServiceUser(context: RecipeContext): void {
  const { random, builder } = context;
  const name = uniqueName(context, `svc-${random.pick(APP_NAMES)}`);
  builder.addUser({
    name,
    path: '/service-accounts/',
    createdDaysAgo: random.integer(400, 1800),
    managed: [random.pick(['AmazonBedrockFullAccess', 'AmazonBedrockReadOnly', 'AmazonBedrockLimitedAccess'] as const)],
    tags: ownerTags(context, 0.6),
    credentials: {
      accessKeys: [
        { ageDays: random.integer(200, 1500), lastUsedDaysAgo: random.chance(0.6) ? random.integer(0, 200) : null, lastUsedService: 'bedrock' },
        ...(random.chance(0.3) ? [{ ageDays: random.integer(30, 199), lastUsedDaysAgo: null, isActive: false }] : []),
      ],
    },
  });
}

function addApiKeyUser(context: RecipeContext): void {
  const { random, builder } = context;
  // The console names the IAM user it creates for a long-term Bedrock API key `BedrockAPIKey-<suffix>`.
  const name = uniqueName(context, `BedrockAPIKey-${random.integer(1000, 9999).toString(36)}`);
  builder.addUser({
    name,
    createdDaysAgo: random.integer(5, 300),
    managed: ['AmazonBedrockLimitedAccess'],
    tags: ownerTags(context, 0.5),
    credentials: { bedrockApiKeys: [{ ageDays: random.integer(5, 300), expiresInDays: random.chance(0.4) ? null : random.integer(-30, 90) }] },
  });
}

/** Adds everyday principals until the account holds `targetPrincipals` users and roles. */
export function fillPrincipals(context: RecipeContext, targetPrincipals: number): void {
  while (context.builder.principalCount < targetPrincipals) {
    const kind = pickKind(context);
    if (kind === 'human') addHuman(context);
    else if (kind === 'legacy-service-user') addLegacyServiceUser(context);
    else if (kind === 'api-key-user') addApiKeyUser(context);
    else addAppRole(context, kind);
  }
}
