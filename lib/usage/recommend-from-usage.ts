import type { Tier } from '../analysis/types';
import type { UsageDetail } from './summarize-usage';

export interface HeldAction {
  action: string;
  tier: Tier;
  resources: string[];
}

export interface AccessAdvisorDate {
  serviceNamespace: string;
  actionName: string;
  lastAuthenticatedAt: string | null;
  reportGeneratedAt: string | null;
}

export interface UsageFacts {
  principalArn: string;
  accountId: string;
  held: readonly HeldAction[];
  detail: UsageDetail;
  hasCloudTrail: boolean;
  accessAdvisor: readonly AccessAdvisorDate[];
  standingSourceCount: number;
  asOf: Date;
}

export type UsageRecommendationKind = 'unused-tier' | 'unused-access-advisor' | 'reduce-to-used' | 'model-outside-grants' | 'denied-models' | 'shared-standing-credential';

export interface UsageRecommendation {
  kind: UsageRecommendationKind;
  /** `revoke` removes access, `reduce` narrows it, `review` asks a person to look. */
  action: 'revoke' | 'reduce' | 'review';
  title: string;
  detail: string;
  /** Where the evidence comes from: CloudTrail calls, or Access Advisor's last-authenticated date. */
  evidence: 'cloudtrail' | 'access-advisor';
  /** Exact actions and model ARNs, for reduce-to-used. */
  actions?: string[];
  modelArns?: string[];
}

/** Sources above this many distinct addresses make a standing credential look shared. */
export const MANY_SOURCES = 5;
const INFERENCE_PROFILE_PREFIXES = ['us.', 'eu.', 'apac.', 'us-gov.', 'ca.', 'jp.', 'au.', 'global.'];

/** The ARN a model id was invoked as, in one region: foundation model, inference profile, or the ARN it already is. */
export function modelArnOf(modelId: string, region: string, accountId: string): string {
  if (modelId.startsWith('arn:')) return modelId;
  if (INFERENCE_PROFILE_PREFIXES.some((prefix) => modelId.startsWith(prefix))) return `arn:aws:bedrock:${region}:${accountId}:inference-profile/${modelId}`;
  return `arn:aws:bedrock:${region}::foundation-model/${modelId}`;
}

function matchesPattern(pattern: string, value: string): boolean {
  const expression = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return expression.test(value);
}

const DAY = 86_400_000;

/**
 * Recommendations grounded in the usage evidence, never in permissions alone: tiers held and not
 * used in the window (CloudTrail), Bedrock unused per Access Advisor when no CloudTrail was read
 * (labelled as such), reduce-to-used with the exact actions and model ARNs, models used outside
 * what the grants name, denied attempts, and standing credentials used from many addresses.
 */
export function recommendFromUsage(facts: UsageFacts): UsageRecommendation[] {
  const { detail } = facts;
  const recommendations: UsageRecommendation[] = [];
  if (facts.held.length === 0) return recommendations;
  const windowLabel = `${detail.windowDays} days`;

  if (!facts.hasCloudTrail) {
    const service = facts.accessAdvisor.find((entry) => entry.serviceNamespace === 'bedrock' && entry.actionName === '');
    if (service !== undefined) {
      const last = service.lastAuthenticatedAt;
      if (last === null || facts.asOf.getTime() - Date.parse(last) > detail.windowDays * DAY) {
        recommendations.push({
          kind: 'unused-access-advisor',
          action: 'revoke',
          title: `Revoke: no Bedrock use in ${windowLabel} per Access Advisor`,
          detail: last === null ? 'Access Advisor has no Bedrock authentication in its tracking period (Access Advisor date, not CloudTrail).' : `Access Advisor last saw Bedrock on ${last.slice(0, 10)} (Access Advisor date, not CloudTrail).`,
          evidence: 'access-advisor',
        });
      }
    }
    return recommendations;
  }

  const usedActions = new Set(Object.keys(detail.actions).filter((action) => (detail.actions[action]?.calls ?? 0) > 0));
  const tiers = new Map<Tier, string[]>();
  for (const held of facts.held) tiers.set(held.tier, [...(tiers.get(held.tier) ?? []), held.action]);
  for (const [tier, actions] of tiers) {
    if (actions.some((action) => usedActions.has(action))) continue;
    recommendations.push({ kind: 'unused-tier', action: 'revoke', title: `Revoke the ${tier} tier: no use in ${windowLabel}`, detail: `Holds ${actions.length} ${tier} action(s), called none of them in ${windowLabel} of CloudTrail.`, evidence: 'cloudtrail' });
  }

  const heldActions = [...new Set(facts.held.map((held) => held.action))];
  const usedHeld = heldActions.filter((action) => usedActions.has(action)).sort();
  const modelArns = Object.entries(detail.modelRegions)
    .flatMap(([modelId, regions]) => regions.map((region) => modelArnOf(modelId, region, facts.accountId)))
    .sort();
  if (usedHeld.length > 0 && usedHeld.length < heldActions.length) {
    recommendations.push({
      kind: 'reduce-to-used',
      action: 'reduce',
      title: `Reduce to what is used: ${usedHeld.length} of ${heldActions.length} actions`,
      detail: `Called ${usedHeld.join(', ')}${modelArns.length > 0 ? ` on ${modelArns.length} model(s)` : ''} in ${windowLabel}.`,
      evidence: 'cloudtrail',
      actions: usedHeld,
      modelArns,
    });
  }

  const invokePatterns = facts.held.filter((held) => held.tier === 'invoke').flatMap((held) => held.resources);
  if (invokePatterns.length > 0 && !invokePatterns.includes('*')) {
    const outside = Object.entries(detail.modelRegions).filter(([modelId, regions]) => regions.every((region) => !invokePatterns.some((pattern) => matchesPattern(pattern, modelArnOf(modelId, region, facts.accountId)))));
    if (outside.length > 0) {
      recommendations.push({ kind: 'model-outside-grants', action: 'review', title: `${outside.length} model(s) used outside the models its grants name`, detail: `Used ${outside.map(([modelId]) => modelId).join(', ')}: reached through another path or a wildcard elsewhere.`, evidence: 'cloudtrail' });
    }
  }
  const denied = Object.entries(detail.deniedModels);
  if (denied.length > 0) {
    recommendations.push({ kind: 'denied-models', action: 'review', title: `Denied attempts on ${denied.length} model(s)`, detail: `Tried ${denied.map(([modelId, count]) => `${modelId} (${count})`).join(', ')}: models outside its approved list.`, evidence: 'cloudtrail' });
  }
  if (detail.standingCredentialCalls > 0 && facts.standingSourceCount >= MANY_SOURCES) {
    recommendations.push({ kind: 'shared-standing-credential', action: 'review', title: `Standing credential used from ${facts.standingSourceCount} source addresses`, detail: 'A long-term key or Bedrock API key called from many places is usually shared: replace it with roles people and workloads assume.', evidence: 'cloudtrail' });
  }
  return recommendations;
}
