import {
  DescribeEffectivePolicyCommand,
  DescribePolicyCommand,
  ListPoliciesCommand,
  ListTargetsForPolicyCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { RawEffectivePolicy } from '../../lib/controls/raw-controls';
import type { OrganizationFile } from '../raw-types';
import { collectPages } from './collect-pages';

export interface BedrockPolicies {
  policies: OrganizationFile['policies'];
  effectivePolicies: RawEffectivePolicy[];
  /** Reads that failed; the organisation guardrail of the accounts concerned is then unknown. */
  warnings: string[];
}

function errorOf(error: unknown): { code: string; message: string } {
  return { code: error instanceof Error && error.name !== 'Error' ? error.name : 'Error', message: error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error) };
}

/**
 * The organisation's `BEDROCK_POLICY` policies (content and targets) and each account's effective
 * Bedrock policy. Unlike SCPs, a refused read here does not stop the scan: the policies are
 * left out and the accounts' effective policies are recorded with the error (unknown). When the
 * policy type is not enabled on any root, no account has one: every effective policy is none.
 */
export async function fetchBedrockPolicies(client: OrganizationsClient, isEnabled: boolean, accountIds: string[], options: { signal?: AbortSignal; pageSize?: number } = {}): Promise<BedrockPolicies> {
  const send = { abortSignal: options.signal };
  if (!isEnabled) return { policies: [], effectivePolicies: accountIds.map((targetId) => ({ targetId, policyType: 'BEDROCK_POLICY', content: null })), warnings: [] };
  const warnings: string[] = [];
  const policies: OrganizationFile['policies'] = [];
  try {
    const summaries = await collectPages(async (NextToken) => {
      const page = await client.send(new ListPoliciesCommand({ Filter: 'BEDROCK_POLICY', NextToken, MaxResults: options.pageSize }), send);
      return { items: page.Policies ?? [], nextToken: page.NextToken };
    });
    for (const summary of summaries) {
      const policyId = summary.Id ?? '';
      const described = await client.send(new DescribePolicyCommand({ PolicyId: policyId }), send);
      const targets = await collectPages(async (NextToken) => {
        const page = await client.send(new ListTargetsForPolicyCommand({ PolicyId: policyId, NextToken, MaxResults: options.pageSize }), send);
        return { items: page.Targets ?? [], nextToken: page.NextToken };
      });
      policies.push({ id: policyId, name: summary.Name ?? policyId, type: 'BEDROCK_POLICY', content: described.Policy?.Content ?? '{}', targetIds: targets.map((target) => target.TargetId ?? '') });
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
    const { code, message } = errorOf(error);
    warnings.push(`Bedrock policies could not be listed (${code}: ${message}); the organisation guardrails are shown from the effective policies only`);
  }
  const effectivePolicies: RawEffectivePolicy[] = [];
  for (const targetId of [...accountIds].sort()) {
    try {
      const output = await client.send(new DescribeEffectivePolicyCommand({ PolicyType: 'BEDROCK_POLICY', TargetId: targetId }), send);
      effectivePolicies.push({ targetId, policyType: 'BEDROCK_POLICY', content: output.EffectivePolicy?.PolicyContent ?? null });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const { code, message } = errorOf(error);
      // AWS's answer for an account that no Bedrock policy reaches: a known "none".
      if (code === 'EffectivePolicyNotFoundException') effectivePolicies.push({ targetId, policyType: 'BEDROCK_POLICY', content: null });
      else effectivePolicies.push({ targetId, policyType: 'BEDROCK_POLICY', content: null, error: { code, message } });
    }
  }
  return { policies, effectivePolicies, warnings };
}
