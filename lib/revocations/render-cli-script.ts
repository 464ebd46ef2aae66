import { escapeControlCharacters } from '../text/control-characters';
import { policyDocumentText } from './policy-document';
import type { IamCall, RevocationPlan } from './types';

/**
 * Rendering safety: names, ARNs and documents come from imported files and IAM, which an
 * attacker may control. Every value goes into the script either quoted as one shell word or
 * inside a `#` comment, and no value may end a line: a newline in a comment would turn the rest
 * of the value into a command that runs before `set -euo pipefail` and the account check.
 */

/** A value that no bash word can carry (a NUL byte): refused rather than truncated. */
export class UnrenderableValueError extends Error {
  override name = 'UnrenderableValueError';
  constructor(what: string) {
    super(`${what} holds a NUL byte, which no shell argument can carry; the script is not generated.`);
  }
}

const SHELL_CONTROL_CHARACTERS = /[\u0001-\u001f\u007f]/;

/** One `#` comment line, whatever the text holds. */
function comment(text: string): string {
  return `# ${escapeControlCharacters(text)}`;
}

/**
 * Quotes a value as one bash word on one line: single quotes (a quote inside becomes '\''), or
 * ANSI-C quoting (`$'a\nb'`) when the value holds control characters, so the exact value
 * reaches `aws` and the command still fits on its line.
 * @throws UnrenderableValueError on a NUL byte.
 */
export function shellQuote(value: string, what = 'A value'): string {
  if (value.includes('\0')) throw new UnrenderableValueError(what);
  if (!SHELL_CONTROL_CHARACTERS.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  const escaped = value.replace(/[\\']|[\u0001-\u001f\u007f]/g, (character) => (character === '\\' || character === "'" ? `\\${character}` : `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`));
  return `$'${escaped}'`;
}

/**
 * A policy document as single-line JSON (the CLI prints documents over many lines; IAM may
 * return them URL-encoded). JSON whitespace between tokens carries no meaning, so compacting
 * keeps the document; text that is not JSON keeps its characters, its line breaks as spaces.
 */
export function singleLineDocument(document: string): string {
  try {
    return JSON.stringify(JSON.parse(policyDocumentText(document)));
  } catch {
    return document.replace(/[\r\n]/g, ' ');
  }
}

const KEBAB = (action: string) => action.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

/** `aws iam detach-user-policy --user-name 'x' --policy-arn '...'`, always on one line. */
export function renderCliCommand(call: IamCall): string {
  const parts = ['aws', 'iam', KEBAB(call.action)];
  const nameFlag = call.principalType === 'user' ? '--user-name' : '--role-name';
  parts.push(nameFlag, shellQuote(call.principalName, 'The principal name'));
  if (call.groupName !== undefined) parts.push('--group-name', shellQuote(call.groupName, 'The group name'));
  if (call.policyArn !== undefined) parts.push('--policy-arn', shellQuote(call.policyArn, 'The policy ARN'));
  if (call.policyName !== undefined) parts.push('--policy-name', shellQuote(call.policyName, 'The policy name'));
  if (call.policyDocument !== undefined) parts.push('--policy-document', shellQuote(singleLineDocument(call.policyDocument), 'The policy document'));
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
    comment(`Bedrock Access Review: revocation #${input.revocationId}, generated ${input.generatedAt}`),
    comment(`Principal:   ${plan.principalArn}`),
    comment(`Entitlement: ${plan.entitlementKey}`),
    comment(`Plan:        ${plan.kind}. ${plan.reason}`),
    comment(`Run with credentials that may change IAM in account ${plan.accountId} (e.g. AWS_PROFILE=...).`),
    '# The next import of this account verifies the revocation.',
    'set -euo pipefail',
    '',
    `if [ "$(aws sts get-caller-identity --query Account --output text)" != ${shellQuote(plan.accountId, 'The account id')} ]; then`,
    `  echo ${shellQuote(`These credentials are not for account ${plan.accountId}.`, 'The account id')} >&2`,
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
    ...(input.rollbackCalls.length > 0 ? input.rollbackCalls.map((call) => comment(`  ${renderCliCommand(call)}`)) : ['#   (nothing to restore)']),
    '',
  ];
  return lines.join('\n');
}
