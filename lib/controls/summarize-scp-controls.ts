import type { Evaluator } from '../analysis/evaluation/evaluate-principal';
import { matchesActionPattern } from '../analysis/catalogue/wildcard';
import { TIERS, type AccountFacts, type OrganizationPolicyFacts, type RoleFacts, type Tier } from '../analysis/types';
import type { ScpControls } from './types';

/** The name of the synthetic role the SCP summary evaluates; never stored, never shown as a principal. */
export const SCP_PROBE_ROLE_NAME = 'bedrock-access-review-scp-probe';

/**
 * A role of `accountId` that holds every Bedrock action on every resource through one inline
 * policy, and nothing else: what the engine leaves of it is exactly what the account's SCPs leave.
 */
export function scpProbeRole(accountId: string, capturedAt: string): RoleFacts {
  return {
    type: 'role',
    arn: `arn:aws:iam::${accountId}:role/${SCP_PROBE_ROLE_NAME}`,
    id: `AROAPROBE${accountId}`,
    name: SCP_PROBE_ROLE_NAME,
    path: '/',
    accountId,
    createDate: capturedAt,
    inlinePolicies: [{ name: 'all-bedrock', document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['bedrock:*'], Resource: '*' }] } }],
    attachedManagedPolicyArns: [],
    permissionsBoundaryArn: null,
    tags: {},
    trustPolicy: { Version: '2012-10-17', Statement: [] },
    lastUsedDate: null,
    lastUsedRegion: null,
    permissionSetName: null,
    isServiceLinked: false,
  };
}

/** A foundation model no allow-list names: the request that tells whether one is in force. */
const UNLISTED_MODEL_ID = 'bedrock-access-review.unlisted-probe-v1:0';

function asList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/**
 * Candidate model allow-list: the `NotResource` of SCP Deny statements on the account's path that
 * cover `bedrock:InvokeModel` ("deny invoke on every model but these").
 */
function notResourceModelLists(account: AccountFacts, policies: OrganizationPolicyFacts[]): string[] {
  const path = new Set([...account.ouPath.map((unit) => unit.id), account.id]);
  const models = new Set<string>();
  for (const policy of policies) {
    if (policy.kind !== 'scp' || !policy.targetIds.some((target) => path.has(target))) continue;
    let document: unknown = policy.document;
    if (typeof document === 'string') {
      try {
        document = JSON.parse(document) as unknown;
      } catch {
        continue; // the engine reports unparsable SCPs; the summary reads what it can
      }
    }
    const statements = (document as { Statement?: unknown } | null)?.Statement;
    for (const statement of Array.isArray(statements) ? statements : [statements]) {
      if (typeof statement !== 'object' || statement === null) continue;
      const entry = statement as Record<string, unknown>;
      if (entry.Effect !== 'Deny' || entry.NotResource === undefined) continue;
      if (!asList(entry.Action).some((pattern) => matchesActionPattern(pattern, 'bedrock:InvokeModel'))) continue;
      for (const model of asList(entry.NotResource)) models.add(model);
    }
  }
  return [...models].sort();
}

/**
 * What the account's SCPs leave of Bedrock, as the engine evaluates them: the regions where
 * `bedrock:InvokeModel` is left (region restriction), the model patterns it is left on (model
 * allow-list: `NotResource` of SCP denies on invoke, confirmed by asking the engine about a model
 * no list names), and the tiers of which an SCP denies some action. The management account is exempt from SCPs.
 * Conditional SCP statements the engine cannot decide count as not restricting (its rule).
 */
export function summarizeScpControls(evaluator: Evaluator, account: AccountFacts, managementAccountId: string | null, capturedAt: string, policies: OrganizationPolicyFacts[]): ScpControls {
  const isManagementAccount = account.id === managementAccountId;
  const probe = scpProbeRole(account.id, capturedAt);
  const access = evaluator.evaluatePrincipal(probe);
  const invokeGrants = access.grants.filter((grant) => grant.action === 'bedrock:InvokeModel');
  const policyNames = new Set<string>();
  for (const denial of access.denied) if (denial.deniedBy.source === 'scp') policyNames.add(denial.deniedBy.policyName);
  for (const grant of access.grants) for (const condition of grant.conditions) if (condition.source === 'scp') policyNames.add(condition.policyName);

  let approvedRegions: string[] | null = null;
  if (invokeGrants.length === 0) approvedRegions = [];
  else if (!invokeGrants.some((grant) => grant.regions.includes('*'))) approvedRegions = [...new Set(invokeGrants.flatMap((grant) => grant.regions))].sort();

  // The engine keeps a NotResource deny as a grant on `*`; whether it bites is asked of the engine
  // with a model no list names, in a region invoke is left in.
  let modelAllowList: string[] | null = invokeGrants.length === 0 ? [] : null;
  const candidates = isManagementAccount ? [] : notResourceModelLists(account, policies);
  if (invokeGrants.length > 0 && candidates.length > 0) {
    const region = approvedRegions?.[0] ?? 'us-east-1';
    const unlisted = evaluator.isAllowed(probe, 'bedrock:InvokeModel', `arn:aws:bedrock:${region}::foundation-model/${UNLISTED_MODEL_ID}`, { region });
    if (unlisted.decision !== 'allow') modelAllowList = candidates;
  }

  const deniedTiers: Tier[] = TIERS.filter((tier) => access.denied.some((denial) => denial.tier === tier && denial.deniedBy.source === 'scp'));
  return { isManagementAccount, approvedRegions, modelAllowList, deniedTiers, policyNames: [...policyNames].sort() };
}
