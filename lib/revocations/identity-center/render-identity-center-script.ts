import { shellQuote } from '../render-cli-script';
import type { IdentityCenterCall, IdentityCenterPlan } from './types';

const KEBAB = (action: string) => action.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
const FLAG = (field: string) => `--${field.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;

/** What each polled call's request id is called, in its answer and in the status call's input. */
const REQUEST_ID: Partial<Record<IdentityCenterCall['action'], { answer: string; statusInput: string }>> = {
  DeleteAccountAssignment: { answer: 'AccountAssignmentDeletionStatus.RequestId', statusInput: 'AccountAssignmentDeletionRequestId' },
  CreateAccountAssignment: { answer: 'AccountAssignmentCreationStatus.RequestId', statusInput: 'AccountAssignmentCreationRequestId' },
  ProvisionPermissionSet: { answer: 'PermissionSetProvisioningStatus.RequestId', statusInput: 'ProvisionPermissionSetRequestId' },
};
const STATUS_FIELD: Partial<Record<IdentityCenterCall['action'], string>> = {
  DescribeAccountAssignmentDeletionStatus: 'AccountAssignmentDeletionStatus.Status',
  DescribeAccountAssignmentCreationStatus: 'AccountAssignmentCreationStatus.Status',
  DescribePermissionSetProvisioningStatus: 'PermissionSetProvisioningStatus.Status',
};

function renderInput(input: IdentityCenterCall['input']): string {
  return Object.entries(input)
    .map(([field, value]) => (typeof value === 'string' ? `${FLAG(field)} ${shellQuote(value)}` : `${FLAG(field)} ${shellQuote(`UserId=${value.UserId}`)}`))
    .join(' ');
}

/** The commands of a list of calls: request ids captured into variables, status calls polled until done. */
export function renderIdentityCenterCommands(calls: IdentityCenterCall[]): string[] {
  const lines: string[] = [];
  calls.forEach((call, index) => {
    const command = `aws ${call.service} ${KEBAB(call.action)} ${renderInput(call.input)}`;
    const request = REQUEST_ID[call.action];
    if (request) {
      lines.push(`request_${index}="$(${command} --query ${shellQuote(request.answer)} --output text)"`);
      return;
    }
    if (call.pollsRequestOf !== undefined) {
      const polled = REQUEST_ID[calls[call.pollsRequestOf].action];
      const status = STATUS_FIELD[call.action];
      if (!polled || !status) throw new Error(`${call.action} polls a call without a request id`);
      lines.push(
        `while :; do`,
        `  status="$(${command} ${FLAG(polled.statusInput)} "$request_${call.pollsRequestOf}" --query ${shellQuote(status)} --output text)"`,
        `  [ "$status" = IN_PROGRESS ] || break`,
        `  sleep 2`,
        `done`,
        `[ "$status" = SUCCEEDED ] || { echo "${call.action}: $status" >&2; exit 1; }`,
      );
      return;
    }
    lines.push(command);
  });
  return lines;
}

/**
 * The shell script an admin runs for an offline (file-imported) organisation: `aws identitystore` /
 * `aws sso-admin` commands with the exact inputs of the plan, asynchronous requests polled until
 * they leave IN_PROGRESS, and the rollback as comments. The next import verifies it.
 */
export function renderIdentityCenterScript(plan: IdentityCenterPlan, title: string): string {
  return [
    '#!/usr/bin/env bash',
    `# ${title}`,
    `# ${plan.reason}`,
    '# Run with credentials of the Identity Center administrator (management account or delegated administrator), in the instance region.',
    'set -euo pipefail',
    '',
    ...renderIdentityCenterCommands(plan.calls),
    '',
    '# Rollback (restores the before-state):',
    ...renderIdentityCenterCommands(plan.rollbackCalls).map((line) => `#   ${line}`),
    '',
  ].join('\n');
}
