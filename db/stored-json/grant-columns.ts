import { z } from 'zod';
import type { ConditionEntry } from '../../lib/analysis/types';
import { conditionEntrySchema, decidedConditionSchema, stringListSchema, tierSchema } from './engine-schemas';
import { readStoredJson } from './read-stored-json';

/**
 * The JSON columns of a `grants` row. The row's own columns hold the resources, NotResources,
 * regions and conditions of its first action; its action list (an `action_lists` text that
 * `grants.actions_hash` names) lists every action with only what differs from them (see
 * db/queries/grant-actions.ts).
 */

export interface GrantRowDefaults {
  resources: string[];
  notResources: string[];
  regions: string[];
  conditions: ConditionEntry[];
}

const conditionsSchema = z.array(conditionEntrySchema);

/** `grants.resources`, `not_resources`, `regions` and `conditions` of one row. */
export function readGrantRowDefaults(row: { id: number; resources: string; notResources: string; regions: string; conditions: string }): GrantRowDefaults {
  return {
    resources: readStoredJson(stringListSchema, row.resources, { column: 'grants.resources', row: row.id }),
    notResources: readStoredJson(stringListSchema, row.notResources, { column: 'grants.not_resources', row: row.id }),
    regions: readStoredJson(stringListSchema, row.regions, { column: 'grants.regions', row: row.id }),
    conditions: readStoredJson(conditionsSchema, row.conditions, { column: 'grants.conditions', row: row.id }),
  };
}

/** One entry of a grant row's action list: the action and tier, and only the lists that differ from the row's. */
const encodedGrantActionSchema = z.object({
  action: z.string(),
  tier: tierSchema,
  resources: stringListSchema.optional(),
  notResources: stringListSchema.optional(),
  regions: stringListSchema.optional(),
  conditions: conditionsSchema.optional(),
  requiresGuardrail: z.boolean().optional(),
  /** On the first action when it has any; on a later one when it differs from the first's. */
  decided: z.array(decidedConditionSchema).optional(),
});

export type EncodedGrantAction = z.infer<typeof encodedGrantActionSchema>;

const encodedGrantActionsSchema = z.array(encodedGrantActionSchema);

/** The action list of grant row `grantId` (the `action_lists` text its `actions_hash` names), as stored: decode it against the row's columns. */
export function readEncodedGrantActions(text: string, grantId: number): EncodedGrantAction[] {
  return readStoredJson(encodedGrantActionsSchema, text, { column: 'action_lists.list of grants.actions_hash', row: grantId });
}

/** The action list of entitlement `entitlementId` (the `action_lists` text its `actions_hash` names): the Bedrock actions its grants give. */
export function readEntitlementActions(text: string, entitlementId: number): string[] {
  return readStoredJson(stringListSchema, text, { column: 'action_lists.list of entitlements.actions_hash', row: entitlementId });
}
