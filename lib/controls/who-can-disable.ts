import { matchesResourcePattern } from '../analysis/catalogue/wildcard';
import type { Evaluator } from '../analysis/evaluation/evaluate-principal';
import { describeGrantPath, describeStatement } from '../analysis/recommendations/describe-path';
import type { Grant, PrincipalFacts } from '../analysis/types';
import type { ControlKind, ControlSwitcher, RegionControls, SwitchGrant } from './types';

/** Bedrock actions that switch invocation logging off or redirect it (wildcard-only actions). */
export const LOGGING_DISABLING_ACTIONS = ['bedrock:DeleteModelInvocationLoggingConfiguration', 'bedrock:PutModelInvocationLoggingConfiguration'] as const;

/** Bedrock actions that remove or weaken an account-level enforced guardrail. */
export const ACCOUNT_GUARDRAIL_DISABLING_ACTIONS = [
  'bedrock:DeleteEnforcedGuardrailConfiguration',
  'bedrock:PutEnforcedGuardrailConfiguration',
  'bedrock:UpdateGuardrail',
  'bedrock:DeleteGuardrail',
] as const;

/**
 * Bedrock actions in the management account that weaken an organisation-enforced guardrail for
 * everyone: change or delete the guardrail, or its resource policy (members must be allowed to apply it).
 */
export const ORGANIZATION_GUARDRAIL_BEDROCK_ACTIONS = ['bedrock:UpdateGuardrail', 'bedrock:DeleteGuardrail', 'bedrock:PutResourcePolicy', 'bedrock:DeleteResourcePolicy'] as const;

/** Organizations actions that change, detach or switch off the `BEDROCK_POLICY` itself. */
export const ORGANIZATION_POLICY_ACTIONS = ['organizations:UpdatePolicy', 'organizations:DetachPolicy', 'organizations:DeletePolicy', 'organizations:DisablePolicyType'] as const;

/** Every action that can switch a control off: the sides of `SOD-CONTROL-INVOKE` come from here. */
export const CONTROL_DISABLING_BEDROCK_ACTIONS = [...new Set<string>([...LOGGING_DISABLING_ACTIONS, ...ACCOUNT_GUARDRAIL_DISABLING_ACTIONS, ...ORGANIZATION_GUARDRAIL_BEDROCK_ACTIONS])].sort();

export interface SwitcherPrincipal {
  facts: PrincipalFacts;
  grants: Grant[];
}

export interface FindSwitchersInput {
  principals: SwitcherPrincipal[];
  /** Every account's controls, region by region. */
  controls: RegionControls[];
  managementAccountId: string | null;
  organizationId: string | null;
  /** Decides Organizations actions for management-account principals (not in the grants, which hold Bedrock actions). */
  evaluator: Evaluator | null;
}

function coversRegion(grant: Grant, region: string): boolean {
  return grant.regions.some((pattern) => pattern === '*' || matchesResourcePattern(pattern, region));
}

function coversResource(grant: Grant, resource: string): boolean {
  if (!grant.resources.some((pattern) => matchesResourcePattern(pattern, resource))) return false;
  return !grant.notResources.some((pattern) => matchesResourcePattern(pattern, resource));
}

function switchGrantOf(grant: Grant): SwitchGrant {
  return { action: grant.action, path: grant.path, description: `${describeGrantPath(grant.path)}, ${describeStatement(grant.path)}${grant.isConditional ? ' (conditional)' : ''}` };
}

/** The principal's grants among `actions` usable in `region` on `resource` (`*` for wildcard-only actions). */
function grantsFor(grants: Grant[], actions: readonly string[], region: string, resourceOf: (action: string) => string): SwitchGrant[] {
  const wanted = new Set(actions.map((action) => action.toLowerCase()));
  return grants.filter((grant) => wanted.has(grant.action.toLowerCase()) && coversRegion(grant, region) && coversResource(grant, resourceOf(grant.action))).map(switchGrantOf);
}

function switcher(cell: RegionControls, control: ControlKind, principal: PrincipalFacts, grants: SwitchGrant[]): ControlSwitcher {
  return { accountId: cell.accountId, region: cell.region, control, principalArn: principal.arn, principalAccountId: principal.accountId, actions: [...new Set(grants.map((grant) => grant.action))].sort(), grants };
}

/**
 * Who can switch each control off, per account and region: principals of the account that can
 * delete or rewrite its invocation logging (where logging is on or unknown) or its account-level
 * guardrail enforcement, and, for an organisation-enforced guardrail, principals of the management
 * account that can change the guardrail, its resource policy or the `BEDROCK_POLICY`. Pure; a
 * grant counts in a region when its regions cover it and, for guardrail actions, its resources
 * cover the enforced guardrail.
 */
export function findControlSwitchers(input: FindSwitchersInput): ControlSwitcher[] {
  const byAccount = new Map<string, SwitcherPrincipal[]>();
  const relevant = new Set(CONTROL_DISABLING_BEDROCK_ACTIONS.map((action) => action.toLowerCase()));
  for (const principal of input.principals) {
    const holdsAny = principal.grants.some((grant) => relevant.has(grant.action.toLowerCase()));
    if (!holdsAny && principal.facts.accountId !== input.managementAccountId) continue;
    const list = byAccount.get(principal.facts.accountId) ?? [];
    list.push(principal);
    byAccount.set(principal.facts.accountId, list);
  }

  // Organisations actions of management-account principals, decided once per principal.
  const organizationGrants = new Map<string, SwitchGrant[]>();
  const organizationGrantsOf = (principal: PrincipalFacts): SwitchGrant[] => {
    let found = organizationGrants.get(principal.arn);
    if (!found) {
      found = [];
      const evaluator = input.evaluator;
      if (evaluator && input.managementAccountId && input.organizationId) {
        for (const action of ORGANIZATION_POLICY_ACTIONS) {
          // Any Bedrock policy of the organisation (or its roots): a statement naming one policy id does not match.
          const resource = action === 'organizations:DisablePolicyType' ? `arn:aws:organizations::${input.managementAccountId}:root/${input.organizationId}/*` : `arn:aws:organizations::${input.managementAccountId}:policy/${input.organizationId}/bedrock_policy/*`;
          const decision = evaluator.isAllowed(principal, action, resource);
          const allowed = decision.decision === 'allow' ? decision : undefined;
          if (allowed) found.push({ action, path: null, description: allowed.reason });
        }
      }
      organizationGrants.set(principal.arn, found);
    }
    return found;
  };

  const switchers: ControlSwitcher[] = [];
  for (const cell of input.controls) {
    if (cell.logging.state !== 'off') {
      for (const principal of byAccount.get(cell.accountId) ?? []) {
        const grants = grantsFor(principal.grants, LOGGING_DISABLING_ACTIONS, cell.region, () => '*');
        if (grants.length > 0) switchers.push(switcher(cell, 'logging', principal.facts, grants));
      }
    }
    const guardrail = cell.guardrail;
    if (guardrail.enforced === 'account' || guardrail.enforced === 'unknown') {
      const guardrailArn = guardrail.guardrailArn ?? `arn:aws:bedrock:${cell.region}:${cell.accountId}:guardrail/*`;
      for (const principal of byAccount.get(cell.accountId) ?? []) {
        const grants = grantsFor(principal.grants, ACCOUNT_GUARDRAIL_DISABLING_ACTIONS, cell.region, (action) => (action.endsWith('EnforcedGuardrailConfiguration') ? '*' : guardrailArn));
        if (grants.length > 0) switchers.push(switcher(cell, 'guardrail', principal.facts, grants));
      }
    } else if (guardrail.enforced === 'organization' && guardrail.guardrailArn && input.managementAccountId) {
      const guardrailArn = guardrail.guardrailArn;
      const guardrailRegion = guardrailArn.split(':')[3] ?? cell.region;
      for (const principal of byAccount.get(input.managementAccountId) ?? []) {
        const grants = [...grantsFor(principal.grants, ORGANIZATION_GUARDRAIL_BEDROCK_ACTIONS, guardrailRegion, () => guardrailArn), ...organizationGrantsOf(principal.facts)];
        if (grants.length > 0) switchers.push(switcher(cell, 'guardrail', principal.facts, grants));
      }
    }
  }
  return switchers.sort((left, right) => left.accountId.localeCompare(right.accountId) || left.region.localeCompare(right.region) || left.control.localeCompare(right.control) || left.principalArn.localeCompare(right.principalArn));
}
