import type { BlastRadius, BlastRadiusFacts, BlastRadiusFactor, Environment, Tier, TrustKind } from '../types';
import { effectOfAccountControls } from './account-controls';
import { DEFAULT_WEIGHTS, type Weights } from './weights';

/**
 * Scoring is a sum of independent, capped, non-decreasing functions of the facts, so that more
 * tiers, models, regions, accounts or exposure can never lower the score. The controls factor
 * is the only negative one and is bounded by the model + region points: max(M + R - c, 0) is
 * still non-decreasing in M + R, so a control only ever shrinks the invoke reach it describes.
 */

/** Tiers in the order a sentence names them: the weightiest first. */
const TIER_DISPLAY_ORDER: Tier[] = ['govern', 'customize', 'invoke', 'provision', 'agent', 'build', 'unclassified', 'read'];

const TIER_PHRASES: Record<Tier, string> = {
  govern: 'change invocation logging or guardrails (govern)',
  customize: 'shape models (customize)',
  invoke: 'invoke models',
  provision: 'buy provisioned throughput or model access (provision)',
  agent: 'run agents, flows and knowledge bases (agent)',
  build: 'configure agents, flows and knowledge bases (build)',
  unclassified: 'use Bedrock actions without a tier (unclassified)',
  read: 'read Bedrock configuration',
};

const KIND_DISPLAY_ORDER: TrustKind[] = ['public', 'external-account', 'oidc', 'saml', 'organization-account', 'aws-service', 'same-account'];

const KIND_PHRASES: Record<TrustKind, string> = {
  public: 'anyone (`*`)',
  'external-account': 'external accounts',
  oidc: 'OIDC identities',
  saml: 'SAML identities',
  'organization-account': 'other accounts of the organisation',
  'aws-service': 'AWS services',
  'same-account': 'its own account',
};

const ENVIRONMENT_PHRASES: Record<Environment, string> = {
  prod: 'a production account',
  nonprod: 'a non-production account',
  sandbox: 'a sandbox account',
  unknown: 'an account of unknown environment',
};

function joinPhrases(phrases: string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function factor(id: BlastRadiusFactor['id'], label: string, value: string, points: number, maxPoints: number, statement: string): BlastRadiusFactor {
  return { id, label, value, points, maxPoints, sentence: `${statement}: ${points} of ${maxPoints} points.` };
}

/** Rounds a capped sum; rounding a non-decreasing value keeps it non-decreasing. */
function capped(value: number, maxPoints: number): number {
  return Math.round(Math.min(Math.max(value, 0), maxPoints));
}

function scoreActions(facts: BlastRadiusFacts, weights: Weights): BlastRadiusFactor {
  const held = TIER_DISPLAY_ORDER.filter((tier) => facts.tiers.includes(tier));
  const points = capped(held.reduce((sum, tier) => sum + weights.actions.tierPoints[tier], 0), weights.actions.maxPoints);
  const statement = held.length === 0 ? 'Holds no Bedrock action' : `Can ${joinPhrases(held.map((tier) => TIER_PHRASES[tier]))}`;
  return factor('actions', 'Actions', held.length === 0 ? 'none' : held.join(', '), points, weights.actions.maxPoints, statement);
}

function scoreModels(facts: BlastRadiusFacts, weights: Weights): BlastRadiusFactor {
  const { isAllModels, modelPatternCount } = facts.modelScope;
  const { maxPoints, allModelsPoints, pointsPerModelPattern, maxPinnedModelPoints } = weights.models;
  if (isAllModels) return factor('models', 'Models', 'all models', capped(allModelsPoints, maxPoints), maxPoints, 'Can invoke every foundation model');
  const points = capped(Math.min(modelPatternCount * pointsPerModelPattern, maxPinnedModelPoints), maxPoints);
  const value = modelPatternCount === 0 ? 'none' : plural(modelPatternCount, 'model pattern');
  const statement = modelPatternCount === 0 ? 'Cannot invoke any model' : `Can invoke ${plural(modelPatternCount, 'listed model pattern')}`;
  return factor('models', 'Models', value, points, maxPoints, statement);
}

function scoreRegions(facts: BlastRadiusFacts, weights: Weights): BlastRadiusFactor {
  const { maxPoints } = weights.regions;
  const total = facts.totalRegionCount;
  if (facts.regionCount === 'all') return factor('regions', 'Regions', 'all regions', capped(maxPoints, maxPoints), maxPoints, 'Can invoke in every region (no region limit)');
  const count = Math.max(0, facts.regionCount);
  // ceil: any region at all earns a point; the share is clamped for counts above the total.
  const share = total > 0 ? Math.min(count, total) / total : count > 0 ? 1 : 0;
  const points = capped(Math.ceil(share * maxPoints), maxPoints);
  const value = total > 0 ? `${count} of ${total} regions` : plural(count, 'region');
  return factor('regions', 'Regions', value, points, maxPoints, count === 0 ? 'Cannot invoke in any region' : `Can invoke in ${value}`);
}

function scoreAccounts(facts: BlastRadiusFacts, weights: Weights): BlastRadiusFactor {
  const count = Math.max(0, facts.accountCount);
  const points = capped(count * weights.accounts.pointsPerAccount, weights.accounts.maxPoints);
  const statement = `Holds Bedrock access in ${plural(count, 'account')}, directly or through role assumption`;
  return factor('accounts', 'Accounts', plural(count, 'account'), points, weights.accounts.maxPoints, statement);
}

function scoreExposure(facts: BlastRadiusFacts, weights: Weights): BlastRadiusFactor {
  const { kinds, hasUnpinnedOidc, hasPublicTrust, assumableByCount } = facts.exposure;
  const weightsOfExposure = weights.exposure;
  // The flags imply their kinds, so a flag alone can never score less than the kind.
  const present = new Set<TrustKind>(kinds);
  if (hasPublicTrust) present.add('public');
  if (hasUnpinnedOidc) present.add('oidc');
  const ordered = KIND_DISPLAY_ORDER.filter((kind) => present.has(kind));
  const kindPoints = ordered.reduce((sum, kind) => sum + weightsOfExposure.kindPoints[kind], 0);
  const count = Math.max(0, assumableByCount);
  const assumerPoints = Math.min(Math.floor(Math.log2(count + 1)) * weightsOfExposure.pointsPerAssumerDoubling, weightsOfExposure.maxAssumerPoints);
  const points = capped(kindPoints + (hasUnpinnedOidc ? weightsOfExposure.unpinnedOidcPoints : 0) + assumerPoints, weightsOfExposure.maxPoints);
  const phrases = ordered.map((kind) => (kind === 'oidc' && hasUnpinnedOidc ? 'OIDC identities whose subject is not pinned' : KIND_PHRASES[kind]));
  let statement = ordered.length === 0 ? 'No trust policy lets anyone assume it' : `Can be assumed by ${joinPhrases(phrases)}`;
  if (count > 0) statement += `; ${plural(count, 'principal')} of the snapshot can become it`;
  const valueParts: string[] = ordered.map((kind) => (kind === 'oidc' && hasUnpinnedOidc ? 'oidc (unpinned)' : kind));
  if (count > 0) valueParts.push(`${count} assumers`);
  return factor('exposure', 'Exposure', valueParts.length === 0 ? 'none' : valueParts.join(', '), points, weightsOfExposure.maxPoints, statement);
}

function scoreCredentials(facts: BlastRadiusFacts, weights: Weights): BlastRadiusFactor {
  const credentials = facts.credentials;
  const weightsOfCredentials = weights.credentials;
  const hasKeys = credentials.activeAccessKeys > 0;
  const hasOldKey = hasKeys && credentials.oldestKeyAgeDays > weightsOfCredentials.oldKeyAgeDays;
  const raw =
    (credentials.type === 'user' ? weightsOfCredentials.userBasePoints : 0) +
    (hasKeys ? weightsOfCredentials.activeAccessKeyPoints : 0) +
    (hasOldKey ? weightsOfCredentials.oldKeyPoints : 0) +
    (credentials.hasBedrockApiKey ? weightsOfCredentials.bedrockApiKeyPoints : 0) +
    (credentials.consoleWithoutMfa ? weightsOfCredentials.consoleWithoutMfaPoints : 0);
  const points = capped(raw, weightsOfCredentials.maxPoints);
  const parts: string[] = [];
  if (hasKeys) parts.push(`${plural(credentials.activeAccessKeys, 'active access key')} (oldest ${plural(credentials.oldestKeyAgeDays, 'day')})`);
  if (credentials.hasBedrockApiKey) parts.push('a Bedrock API key');
  if (credentials.consoleWithoutMfa) parts.push('a console password without MFA');
  const subject = credentials.type === 'user' ? 'An IAM user' : 'A role';
  const statement =
    parts.length > 0
      ? `${subject} with ${joinPhrases(parts)}`
      : credentials.type === 'user'
        ? 'An IAM user without long-lived credentials'
        : 'A role: short-lived credentials only';
  return factor('credentials', 'Standing credentials', parts.length > 0 ? parts.join(', ') : credentials.type, points, weightsOfCredentials.maxPoints, statement);
}

function scoreEnvironment(facts: BlastRadiusFacts, weights: Weights): BlastRadiusFactor {
  const points = capped(weights.environment.points[facts.environment], weights.environment.maxPoints);
  return factor('environment', 'Environment', facts.environment, points, weights.environment.maxPoints, `Lives in ${ENVIRONMENT_PHRASES[facts.environment]}`);
}

function scoreControls(facts: BlastRadiusFacts, weights: Weights, reducibleInvokePoints: number): BlastRadiusFactor {
  const { allInvokeRequiresGuardrail, modelsPinned } = facts.controls;
  const account = effectOfAccountControls(facts.controls.account, facts.environment, facts.tiers, weights.controls);
  const parts: string[] = [];
  let raw = account.reduction;
  if (allInvokeRequiresGuardrail) {
    raw += weights.controls.guardrailReduction;
    parts.push('every invoke grant requires a guardrail');
  }
  if (modelsPinned) {
    raw += weights.controls.modelsPinnedReduction;
    parts.push('models are pinned');
  }
  parts.push(...account.reducingParts);
  const reduction = Math.min(Math.round(raw), reducibleInvokePoints);
  const gapPoints = Math.round(account.gapPoints);
  const points = gapPoints - reduction;
  let statement = parts.length === 0 ? 'No control shrinks it' : capitalize(joinPhrases(parts));
  if (parts.length > 0 && reduction < Math.round(raw)) statement += ' (a reduction never exceeds the model and region points)';
  let sentence = `${statement}: ${reduction} ${reduction === 1 ? 'point' : 'points'} off.`;
  if (account.gapPart) sentence += ` ${capitalize(account.gapPart)}: ${gapPoints} ${gapPoints === 1 ? 'point' : 'points'} added.`;
  const valueParts = account.gapPart ? [...parts, 'production gap'] : parts;
  return {
    id: 'controls',
    label: 'Controls',
    value: valueParts.length === 0 ? 'none' : valueParts.join(', '),
    points: points === 0 ? 0 : points,
    maxPoints: weights.controls.productionGapPoints > 0 && facts.environment === 'prod' ? Math.round(weights.controls.productionGapPoints) : 0,
    sentence,
  };
}

/**
 * Standing access nobody uses is pure exposure: it can be stolen or misused and serves no one.
 * Points only when CloudTrail was read and shows no successful call in the window; a principal
 * younger than the window is not judged. Used and unknown both score 0, so losing use never lowers it.
 */
function scoreUsage(facts: BlastRadiusFacts, weights: Weights): BlastRadiusFactor {
  const maxPoints = Math.round(weights.usage.unusedPoints);
  const usage = facts.usage;
  const label = 'Usage';
  const windowDays = usage?.windowDays ?? weights.usage.windowDays;
  if (!usage) return factor('usage', label, 'no evidence', 0, maxPoints, 'No CloudTrail usage evidence for it, so unused access is not scored');
  if (facts.tiers.length === 0) return factor('usage', label, 'no standing access', 0, maxPoints, 'Holds no Bedrock action of its own to leave unused');
  if (usage.calls > 0) {
    const last = usage.lastUsed ? `, last on ${usage.lastUsed.slice(0, 10)}` : '';
    return factor('usage', label, `${plural(usage.calls, 'call')} in ${windowDays} days`, 0, maxPoints, `Used Bedrock ${plural(usage.calls, 'time')} in the last ${windowDays} days${last}`);
  }
  if (usage.ageDays < windowDays) {
    return factor('usage', label, `created ${plural(usage.ageDays, 'day')} ago`, 0, maxPoints, `No Bedrock call yet, but created ${plural(usage.ageDays, 'day')} ago: too new to call unused`);
  }
  return factor('usage', label, `unused ${windowDays} days`, maxPoints, maxPoints, `Holds standing Bedrock access that CloudTrail shows unused for ${windowDays} days`);
}

/**
 * Scores a principal's blast radius from its facts: an integer 0..100 and every factor with its
 * value, points and a sentence. Deterministic: the same facts and weights give the same result.
 * The controls factor has negative points and `maxPoints` 0; the total is clamped to 0..100.
 * Results are shared between equal facts: treat them as read-only.
 */
export function scoreBlastRadius(facts: BlastRadiusFacts, weights: Weights = DEFAULT_WEIGHTS): BlastRadius {
  // Many principals have equal facts (same grants, account shape, exposure): they share one
  // result, which also keeps a snapshot's worth of factor sentences from being rebuilt.
  let byFacts = scoresByWeights.get(weights);
  if (!byFacts) {
    byFacts = new Map();
    scoresByWeights.set(weights, byFacts);
  }
  const key = factsKey(facts);
  let result = byFacts.get(key);
  if (!result) {
    result = computeScore(facts, weights);
    if (byFacts.size >= SCORE_CACHE_LIMIT) byFacts.clear();
    byFacts.set(key, result);
  }
  return result;
}

const scoresByWeights = new WeakMap<Weights, Map<string, BlastRadius>>();
const SCORE_CACHE_LIMIT = 50_000;

/** Every field the factors read, in a fixed order: equal keys mean equal facts. */
function factsKey(facts: BlastRadiusFacts): string {
  const { modelScope, exposure, credentials, controls } = facts;
  return [
    facts.tiers.join(','),
    modelScope.isAllModels,
    modelScope.modelPatternCount,
    facts.regionCount,
    facts.totalRegionCount,
    facts.accountCount,
    exposure.kinds.join(','),
    exposure.hasUnpinnedOidc,
    exposure.hasPublicTrust,
    exposure.assumableByCount,
    credentials.type,
    credentials.activeAccessKeys,
    credentials.oldestKeyAgeDays,
    credentials.hasBedrockApiKey,
    credentials.consoleWithoutMfa,
    facts.environment,
    controls.allInvokeRequiresGuardrail,
    controls.modelsPinned,
    controls.account ? `${controls.account.isGuardrailEnforced},${controls.account.isGuardrailFromOrganization},${controls.account.isLoggingOn},${controls.account.gapRegions.join(' ')}` : 'unread',
    facts.usage ? `${facts.usage.windowDays},${facts.usage.calls},${facts.usage.lastUsed ?? ''},${facts.usage.ageDays}` : 'no-usage',
  ].join('|');
}

function computeScore(facts: BlastRadiusFacts, weights: Weights): BlastRadius {
  const models = scoreModels(facts, weights);
  const regions = scoreRegions(facts, weights);
  const factors = [
    scoreActions(facts, weights),
    models,
    regions,
    scoreAccounts(facts, weights),
    scoreExposure(facts, weights),
    scoreCredentials(facts, weights),
    scoreEnvironment(facts, weights),
    scoreControls(facts, weights, models.points + regions.points),
    scoreUsage(facts, weights),
  ];
  const total = factors.reduce((sum, entry) => sum + entry.points, 0);
  return { score: Math.min(100, Math.max(0, Math.round(total))), factors };
}
