import type { DenialSource } from '../types';
import { describeDecidedCondition } from './principal-facts';

function statementLabel(source: Pick<DenialSource, 'statementId' | 'statementIndex'>): string {
  if (source.statementId) return ` statement ${source.statementId}`;
  return source.statementIndex === null ? '' : ` statement #${source.statementIndex}`;
}

/** `: aws:PrincipalARN does not match ...` when principal-fact conditions decided the denial. */
function decidedSuffix(source: DenialSource): string {
  if (!source.decided || source.decided.length === 0) return '';
  return `: ${source.decided.map((decided) => describeDecidedCondition(decided)).join(' and ')}`;
}

/**
 * What blocked an action, as a sentence a reviewer can read: "denied by SCP
 * DenyModelAdminExceptBreakGlass statement DenyModelAdminExceptBreakGlass: aws:PrincipalARN does
 * not match arn:aws:iam::*:role/emergency-*", "not allowed by permissions boundary DevBoundary".
 */
export function describeDenial(source: DenialSource): string {
  if (source.kind === 'explicit') {
    const where = source.source === 'scp' ? 'SCP' : source.source === 'boundary' ? 'permissions boundary' : 'identity policy';
    return `denied by ${where} ${source.policyName}${statementLabel(source)}${decidedSuffix(source)}`;
  }
  if (source.source === 'boundary') return `not allowed by permissions boundary ${source.policyName}`;
  if (source.source === 'scp') return `not allowed by ${source.policyName}`;
  // An identity statement whose region conditions leave no region at all.
  return `${source.policyName}${statementLabel(source)} allows it in no region`;
}
