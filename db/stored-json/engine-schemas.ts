import { z } from 'zod';
import type { EntitlementPath } from '../../lib/analysis/entitlements';
import {
  TIERS,
  type ConditionEntry,
  type DecidedCondition,
  type GrantPath,
  type Recommendation,
  type RecommendationKind,
} from '../../lib/analysis/types';
import { SEVERITIES } from '../schema/snapshot';
import { enumOfUnion, type ShapeOf } from './shape-of';

/**
 * Schemas of the engine's value types (lib/analysis/types.ts) that stored JSON carries in more
 * than one column. Each shape `satisfies ShapeOf<T>` of the lib type, so the two cannot drift.
 */

export const tierSchema = z.enum(TIERS);

export const severitySchema = z.enum(SEVERITIES);

export const grantPathSchema = z.object({
  policyKind: z.enum(['managed', 'inline']),
  policyArn: z.string().nullable(),
  policyName: z.string(),
  isAwsManaged: z.boolean(),
  attachedVia: z.enum(['direct', 'group']),
  groupName: z.string().nullable(),
  statementId: z.string().nullable(),
  statementIndex: z.number(),
} satisfies ShapeOf<GrantPath>);

/** The grant path without its statement: what an entitlement (and a campaign item, a revocation) is about. */
export const entitlementPathSchema = grantPathSchema.omit({ statementId: true, statementIndex: true }) satisfies z.ZodType<EntitlementPath>;

export const conditionEntrySchema = z.object({
  source: z.enum(['allow', 'deny', 'boundary', 'scp']),
  operator: z.string(),
  key: z.string(),
  values: z.array(z.string()),
  policyName: z.string(),
  undecidedReason: z.string().optional(),
} satisfies ShapeOf<ConditionEntry>);

export const decidedConditionSchema = z.object({
  source: z.enum(['identity', 'boundary', 'scp']),
  effect: z.enum(['Allow', 'Deny']),
  operator: z.string(),
  key: z.string(),
  values: z.array(z.string()),
  holds: z.boolean(),
  policyName: z.string(),
} satisfies ShapeOf<DecidedCondition>);

export const recommendationSchema = z.object({
  kind: enumOfUnion<RecommendationKind>()(['revoke-unused', 'pin-models', 'require-guardrail', 'replace-managed-policy', 'pin-oidc-subject', 'replace-access-keys']),
  title: z.string(),
  detail: z.string(),
  path: grantPathSchema.nullable(),
} satisfies ShapeOf<Recommendation>);

/** A JSON list of strings (actions, resources, regions, destinations, ...). */
export const stringListSchema = z.array(z.string());
