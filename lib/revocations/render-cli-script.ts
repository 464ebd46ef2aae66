import type { IamCall, RevocationPlan } from './types';

/** Single-quotes a value for bash (a quote inside becomes '\''). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const KEBAB = (action: string) => action.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/** `aws iam detach-user-policy --user-name 'x' --policy-arn '...'` */
export function renderCliCommand(call: IamCall): string {
  const parts = ['aws', 'iam', KEBAB(call.action)];
  const nameFlag = call.principalType === 'user' ? '--user-name' : '--role-name';
  parts.push(nameFlag, shellQuote(call.principalName));
  if (call.groupName !== undefined) parts.push('--group-name', shellQuote(call.groupName));
  if (call.policyArn !== undefined) parts.push('--policy-arn', shellQuote(call.policyArn));
  if (call.policyName !== undefined) parts.push('--policy-name', shellQuote(call.policyName));
  if (call.policyDocument !== undefined) parts.push('--policy-document', shellQuote(call.policyDocument));
  return parts.join(' ');
}

export interface ScriptInput {
  revocationId: number;
  plan: RevocationPlan;
  /** Calls that restore the before-state, shown as comments for the reviewer. */
  rollbackCalls: IamCall[];
  generatedAt: string;
}

/**
 * A reviewable bash script for an offline account: the same calls the live path would make,
 * idempotent like it (NoSuchEntity on detach/delete/remove means "already done"; the deny put
 * replaces a policy of the same name). Run with credentials of the account.
 */
export function renderRevocationScript(input: ScriptInput): string {
  const { plan } = input;
  const lines = [
    '#!/usr/bin/env bash',
    `# Bedrock Access Review: revocation #${input.revocationId}, generated ${input.generatedAt}`,
    `# Principal:   ${plan.principalArn}`,
    `# Entitlement: ${plan.entitlementKey}`,
    `# Plan:        ${plan.kind}. ${plan.reason}`,
    `# Run with credentials that may change IAM in account ${plan.accountId} (e.g. AWS_PROFILE=...).`,
    '# The next import of this account verifies the revocation.',
    'set -euo pipefail',
    '',
    `if [ "$(aws sts get-caller-identity --query Account --output text)" != ${shellQuote(plan.accountId)} ]; then`,
    `  echo 'These credentials are not for account ${plan.accountId}.' >&2`,
    '  exit 1',
    'fi',
    '',
    '# Runs a command; IAM answering NoSuchEntity means the change is already made.',
    'run_idempotent() {',
    '  local output',
    '  if ! output=$("$@" 2>&1); then',
    '    if grep -q NoSuchEntity <<<"$output"; then echo "already done: $3"; else echo "$output" >&2; exit 1; fi',
    '  fi',
    '}',
    '',
    ...plan.calls.map((call) => `run_idempotent ${renderCliCommand(call)}`),
    '',
    "echo 'Revocation applied.'",
    '',
    '# To roll back, run these commands (they restore the state the snapshot recorded):',
    ...(input.rollbackCalls.length > 0 ? input.rollbackCalls.map((call) => `#   ${renderCliCommand(call)}`) : ['#   (nothing to restore)']),
    '',
  ];
  return lines.join('\n');
}
