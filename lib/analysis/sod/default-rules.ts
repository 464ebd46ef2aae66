import type { SodRule } from '../types';

/**
 * The separation-of-duties rules shipped by default (PRODUCT.md). Data, not code: admins edit
 * copies of these, validated by `parseSodRules`.
 */
export const DEFAULT_SOD_RULES: readonly SodRule[] = [
  {
    id: 'SOD-CUSTOMIZE-INVOKE',
    title: 'Can shape a model and invoke it',
    severity: 'high',
    rationale:
      'Whoever can fine-tune, import or copy a model (customize) and also invoke it can plant behaviour in the training data and use it without a second person seeing the model before it runs.',
    sideA: { tiers: ['customize'], actions: [] },
    sideB: { tiers: ['invoke'], actions: [] },
  },
  {
    id: 'SOD-GOVERN-INVOKE',
    title: 'Can change invocation logging or guardrails and invoke models',
    severity: 'critical',
    rationale:
      'Whoever can change model invocation logging, guardrails or resource policies (govern) and also invoke models can switch off the record or the filter of their own calls.',
    sideA: { tiers: ['govern'], actions: [] },
    sideB: { tiers: ['invoke'], actions: [] },
  },
  {
    id: 'SOD-IAM-INVOKE',
    title: 'Can change IAM permissions and invoke models',
    severity: 'critical',
    rationale:
      'Whoever can write or attach IAM policies, create policy versions or pass roles to Bedrock and also invoke models can grant themselves more access than was reviewed.',
    sideA: { tiers: [], actions: ['iam:Put*Policy', 'iam:Attach*Policy', 'iam:CreatePolicyVersion', 'iam:PassRole'] },
    sideB: { tiers: ['invoke'], actions: [] },
  },
  {
    id: 'SOD-PROVISION-INVOKE',
    title: 'Can buy provisioned throughput and invoke models',
    severity: 'medium',
    rationale:
      'Whoever can buy provisioned throughput or model access agreements (provision) and also invoke models can run up commitments that nobody reviewed.',
    sideA: { tiers: ['provision'], actions: [] },
    sideB: { tiers: ['invoke'], actions: [] },
  },
  {
    id: 'SOD-CONTROL-INVOKE',
    title: 'Can switch off the guardrail or logging that covers its own model calls',
    severity: 'critical',
    rationale:
      "Whoever can delete or rewrite its account's model invocation logging, or remove or weaken the guardrail its account enforces, and also invoke models there can make its own calls unfiltered and unrecorded. The controls page lists these principals per account and region.",
    sideA: {
      tiers: [],
      actions: [
        'bedrock:DeleteModelInvocationLoggingConfiguration',
        'bedrock:PutModelInvocationLoggingConfiguration',
        'bedrock:DeleteEnforcedGuardrailConfiguration',
        'bedrock:PutEnforcedGuardrailConfiguration',
        'bedrock:UpdateGuardrail',
        'bedrock:DeleteGuardrail',
      ],
    },
    sideB: { tiers: ['invoke'], actions: [] },
  },
];
