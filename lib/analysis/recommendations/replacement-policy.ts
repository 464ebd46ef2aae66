import type { Tier } from '../types';

/** One action an attachment grants, with the resources it is granted on. */
export interface HeldGrantAction {
  action: string;
  tier: Tier;
  resources: readonly string[];
}

/** What CloudTrail says the principal used; absent when no usage evidence was read. */
export interface UsedBedrock {
  /** Actions called at least once in the usage window (`bedrock:InvokeModel`). */
  actions: readonly string[];
  /** Model and inference-profile ARNs invoked. */
  modelArns: readonly string[];
}

interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: string | string[];
}

export interface ReplacementPolicy {
  document: { Version: '2012-10-17'; Statement: PolicyStatement[] };
  /** How the text was narrowed: to the used actions and models, or (no evidence) to what is granted. */
  basis: 'usage' | 'grants';
  /** Invoke statements still on every model: no model use on record to pin them to. */
  hasUnpinnedInvoke: boolean;
}

const SID_OF: Record<Tier, string> = { invoke: 'Invoke', agent: 'AgentRuntime', customize: 'Customize', provision: 'Provision', govern: 'Govern', build: 'Build', read: 'Read', unclassified: 'Other' };

function resourceValue(resources: readonly string[]): string | string[] {
  return resources.length === 1 ? resources[0] : [...resources];
}

/**
 * The customer managed policy to attach in place of an AWS managed one (or to use as its
 * permissions boundary): the actions the attachment grants, with their resources, one statement per
 * tier and resource list. With usage evidence the actions shrink to those used and invoke actions
 * are pinned to the models invoked; with no use at all on record nothing is left to keep, and the
 * document is null (revoke instead).
 */
export function buildReplacementPolicy(held: readonly HeldGrantAction[], used: UsedBedrock | null): ReplacementPolicy | null {
  const usedActions = used ? new Set(used.actions.map((action) => action.toLowerCase())) : null;
  const kept = usedActions ? held.filter((grant) => usedActions.has(grant.action.toLowerCase())) : [...held];
  if (kept.length === 0) return null;
  const modelArns = used ? [...new Set(used.modelArns)].sort() : [];
  const statements = new Map<string, PolicyStatement>();
  let hasUnpinnedInvoke = false;
  for (const grant of kept) {
    let resources = [...grant.resources].sort();
    if (grant.tier === 'invoke' && modelArns.length > 0) resources = modelArns;
    else if (grant.tier === 'invoke' && resources.some((resource) => resource === '*' || resource.endsWith('foundation-model/*'))) hasUnpinnedInvoke = true;
    const key = `${grant.tier}\u0000${resources.join('\u0000')}`;
    const statement = statements.get(key);
    if (statement) {
      if (!statement.Action.includes(grant.action)) statement.Action.push(grant.action);
      continue;
    }
    statements.set(key, { Sid: SID_OF[grant.tier], Effect: 'Allow', Action: [grant.action], Resource: resourceValue(resources) });
  }
  const list = [...statements.values()];
  // Sids must be unique within a policy: number the repeats of a tier.
  const seen = new Map<string, number>();
  for (const statement of list) {
    statement.Action.sort();
    const count = (seen.get(statement.Sid) ?? 0) + 1;
    seen.set(statement.Sid, count);
    if (count > 1) statement.Sid = `${statement.Sid}${count}`;
  }
  return { document: { Version: '2012-10-17', Statement: list }, basis: used ? 'usage' : 'grants', hasUnpinnedInvoke };
}
