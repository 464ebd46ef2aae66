import type { ActionCatalogue } from '../catalogue/load-catalogue';
import { hasBit } from '../policy/bitset';
import type { CompiledStatement } from '../policy/compile-policy';
import { collectDenyStatements } from './compute-access';
import { decideConditions, type StaticTruth } from './condition-effects';
import { describeDecidedCondition } from './principal-facts';
import type { GatePolicy, ResolvedPrincipal } from './resolve-policies';

export interface RequestDecision {
  decision: 'allow' | 'deny' | 'implicit-deny';
  /** The decision depends on a condition that could not be decided statically. */
  isConditional: boolean;
  reason: string;
}

export interface RequestContext {
  /** The region the request is sent to (`aws:RequestedRegion`); unknown when absent. */
  region?: string;
}

function statementLabel(statement: CompiledStatement): string {
  return statement.sid ? `statement ${statement.sid}` : `statement #${statement.index}`;
}

/** `: aws:PrincipalARN does not match arn:aws:iam::*:role/emergency-*` for a statement with decided principal-fact conditions. */
function decidedSuffix(statement: CompiledStatement): string {
  if (!statement.decided || statement.decided.length === 0) return '';
  return `: ${statement.decided.map((fact) => describeDecidedCondition(fact)).join(' and ')}`;
}

/**
 * AWS policy evaluation for one concrete request (action, resource ARN; `*` for wildcard-only
 * actions): explicit Deny anywhere wins; then an identity Allow is needed, the boundary must
 * allow, and every SCP level must allow. A condition that cannot be decided counts as possibly
 * true: a conditional Allow still allows and a conditional Deny does not deny, and both make
 * the answer conditional.
 */
export function decideRequest(resolved: ResolvedPrincipal, catalogue: ActionCatalogue, action: string, resourceArn: string, context: RequestContext = {}): RequestDecision {
  const entry = catalogue.lookup(action);
  const region = context.region ?? null;
  const applies = (statement: CompiledStatement): StaticTruth => {
    const isActionMatched = entry ? hasBit(statement.actionBits, entry.index) : statement.matchesAction(action);
    if (!isActionMatched || !statement.matchesResource(resourceArn)) return 'false';
    return decideConditions(statement.conditions, region);
  };
  let isConditional = false;

  for (const deny of collectDenyStatements(resolved)) {
    const truth = applies(deny.statement);
    if (truth === 'true') {
      return { decision: 'deny', isConditional: false, reason: `explicit deny in ${deny.source === 'scp' ? 'SCP' : deny.source === 'boundary' ? 'permissions boundary' : 'identity policy'} ${deny.policyName} ${statementLabel(deny.statement)}${decidedSuffix(deny.statement)}` };
    }
    if (truth === 'unknown') isConditional = true;
  }

  let allowedBy: string | null = null;
  let isAllowConditional = true;
  for (const ref of resolved.identity) {
    for (const statement of ref.policy.allowStatements) {
      const truth = applies(statement);
      if (truth === 'false') continue;
      if (allowedBy === null || (isAllowConditional && truth === 'true')) {
        allowedBy = `${ref.path.policyKind} policy ${ref.path.policyName}${ref.path.groupName ? ` (group ${ref.path.groupName})` : ''} ${statementLabel(statement)}${decidedSuffix(statement)}`;
        isAllowConditional = truth === 'unknown';
      }
    }
  }
  if (allowedBy === null) {
    // An Allow that a principal-fact condition keeps from applying explains the denial.
    const exempt = resolved.identity.flatMap((ref) => (ref.policy.exemptStatements ?? []).filter((statement) => statement.effect === 'Allow' && applies({ ...statement, conditions: [] }) !== 'false').map((statement) => `${ref.path.policyName} ${statementLabel(statement)}${decidedSuffix(statement)}`));
    return { decision: 'implicit-deny', isConditional, reason: `no identity-based policy allows ${action}${exempt.length > 0 ? ` (not applying to this principal: ${exempt.join('; ')})` : ''}` };
  }
  isConditional ||= isAllowConditional;

  const gateAllows = (policies: GatePolicy[]): StaticTruth => {
    let best: StaticTruth = 'false';
    for (const owner of policies) {
      for (const statement of owner.policy.allowStatements) {
        const truth = applies(statement);
        if (truth === 'true') return 'true';
        if (truth === 'unknown') best = 'unknown';
      }
    }
    return best;
  };

  if (resolved.boundary) {
    const truth = gateAllows([resolved.boundary]);
    if (truth === 'false') return { decision: 'implicit-deny', isConditional, reason: `permissions boundary ${resolved.boundary.name} does not allow ${action}` };
    isConditional ||= truth === 'unknown';
  }
  for (const level of resolved.account.scpLevels ?? []) {
    const truth = gateAllows(level.policies);
    if (truth === 'false') return { decision: 'implicit-deny', isConditional, reason: `no SCP attached to ${level.name} (${level.id}) allows ${action}` };
    isConditional ||= truth === 'unknown';
  }
  return { decision: 'allow', isConditional, reason: `allowed by ${allowedBy}${isConditional ? ' (conditional)' : ''}` };
}
