import { TIERS, type Tier } from '../types';

/**
 * The actions that define each tier, most telling first (PRODUCT.md, "Action tiers"): when a page
 * names a tier by a few of its actions, these come before the rest, so the customise tier reads
 * "CreateModelCustomizationJob, CreateModelImportJob", not the alphabetically first "BatchDelete...".
 * Every action listed here is classified in the tier it is listed under (defining-actions.test.ts).
 */
export const DEFINING_ACTIONS: Readonly<Record<Tier, readonly string[]>> = {
  invoke: ['bedrock:InvokeModel', 'bedrock:InvokeModelWithResponseStream', 'bedrock:CreateModelInvocationJob', 'bedrock-mantle:CallWithBearerToken', 'bedrock:CallWithBearerToken', 'bedrock:Rerank'],
  agent: ['bedrock:InvokeAgent', 'bedrock:InvokeInlineAgent', 'bedrock:InvokeFlow', 'bedrock:RetrieveAndGenerate', 'bedrock:Retrieve', 'bedrock-agentcore:InvokeAgentRuntime'],
  customize: ['bedrock:CreateModelCustomizationJob', 'bedrock:CreateModelImportJob', 'bedrock:CreateModelCopyJob', 'bedrock:CreateCustomModel', 'bedrock:DeleteCustomModel'],
  provision: ['bedrock:CreateProvisionedModelThroughput', 'bedrock:UpdateProvisionedModelThroughput', 'bedrock:PutFoundationModelEntitlement', 'bedrock:CreateFoundationModelAgreement'],
  govern: [
    'bedrock:PutModelInvocationLoggingConfiguration',
    'bedrock:DeleteModelInvocationLoggingConfiguration',
    'bedrock:CreateGuardrail',
    'bedrock:UpdateGuardrail',
    'bedrock:DeleteGuardrail',
    'bedrock:PutResourcePolicy',
    'bedrock:DeleteResourcePolicy',
  ],
  build: ['bedrock:CreateAgent', 'bedrock:UpdateAgent', 'bedrock:CreateKnowledgeBase', 'bedrock:UpdateKnowledgeBase', 'bedrock:CreateDataSource', 'bedrock:CreateFlow'],
  read: ['bedrock:GetFoundationModel', 'bedrock:ListFoundationModels', 'bedrock:ListCustomModels', 'bedrock:GetModelInvocationLoggingConfiguration'],
  unclassified: [],
};

/** Verbs that change something come before verbs that only look, among actions no list names. */
const VERB_WEIGHT: ReadonlyArray<[RegExp, number]> = [
  [/^(Create|Put|Update|Delete|Start|Invoke)/, 0],
  [/^(Associate|Disassociate|Tag|Untag|Stop|Batch)/, 1],
  [/^(Get|List|Describe)/, 3],
];

function verbWeight(action: string): number {
  const name = action.slice(action.indexOf(':') + 1);
  return VERB_WEIGHT.find(([pattern]) => pattern.test(name))?.[1] ?? 2;
}

const RANK: ReadonlyMap<string, number> = new Map(TIERS.flatMap((tier) => DEFINING_ACTIONS[tier].map((action, index) => [action, index] as const)));

/** Orders actions most defining first: listed ones in list order, then changing verbs, then by name. */
export function compareByDefiningness(left: string, right: string): number {
  const leftRank = RANK.get(left) ?? Number.POSITIVE_INFINITY;
  const rightRank = RANK.get(right) ?? Number.POSITIVE_INFINITY;
  if (leftRank !== rightRank) return leftRank < rightRank ? -1 : 1;
  const byVerb = verbWeight(left) - verbWeight(right);
  return byVerb !== 0 ? byVerb : left.localeCompare(right);
}

export interface TierSummary {
  tier: Tier;
  /** Distinct actions of this tier. */
  actionCount: number;
  /** At most `limit` actions of this tier, most defining first. */
  definingActions: string[];
  /** Every action of this tier, most defining first. */
  actions: string[];
}

/**
 * The held actions grouped by tier (in TIERS order), each with its count and the
 * actions that best say what the tier lets the principal do.
 */
export function summarizeTiers(held: Iterable<{ action: string; tier: Tier }>, limit = 4): TierSummary[] {
  const byTier = new Map<Tier, Set<string>>();
  for (const { action, tier } of held) {
    const set = byTier.get(tier) ?? new Set<string>();
    set.add(action);
    byTier.set(tier, set);
  }
  return TIERS.filter((tier) => byTier.has(tier)).map((tier) => {
    const actions = [...(byTier.get(tier) ?? [])].sort(compareByDefiningness);
    return { tier, actionCount: actions.length, definingActions: actions.slice(0, limit), actions };
  });
}
