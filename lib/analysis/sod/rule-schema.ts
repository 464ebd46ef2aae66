import { z } from 'zod';
import { TIERS, type SodRule } from '../types';

/** `service:Action`; case is free because matching ignores it, as IAM does for actions. */
const ACTION_PATTERN = /^(\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+)$/;

const sideSchema = z
  .object({
    tiers: z.array(z.enum(TIERS)).default([]),
    actions: z.array(z.string().regex(ACTION_PATTERN, 'must be `service:Action`, wildcards * and ? allowed')).default([]),
  })
  .strict()
  .refine((side) => side.tiers.length > 0 || side.actions.length > 0, 'needs at least one tier or action');

/** The shape of one separation-of-duties rule, as admins edit it. */
export const sodRuleSchema = z
  .object({
    id: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be letters, digits, - and _'),
    title: z.string().trim().min(1, 'must not be empty'),
    severity: z.enum(['low', 'medium', 'high', 'critical']),
    rationale: z.string().trim().min(1, 'must not be empty'),
    sideA: sideSchema,
    sideB: sideSchema,
  })
  .strict();

export const sodRulesSchema = z.array(sodRuleSchema).superRefine((rules, context) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate rule id ${rule.id}` });
    seen.add(rule.id);
  });
});

/** Thrown for an invalid rule set; the message names each offending field by its path. */
export class SodRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SodRuleError';
  }
}

/**
 * Validates an edited rule set (parsed JSON).
 *
 * @throws SodRuleError e.g. `1.sideA.tiers.0: Invalid option: expected one of ...`.
 */
export function parseSodRules(input: unknown): SodRule[] {
  const result = sodRulesSchema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new SodRuleError(`Invalid separation-of-duties rules: ${problems.join('; ')}`);
}
