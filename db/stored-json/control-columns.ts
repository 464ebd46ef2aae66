import { z } from 'zod';
import type { OrganizationalUnitRef, Tier } from '../../lib/analysis/types';
import type { SwitchGrant } from '../../lib/controls/types';
import { grantPathSchema, stringListSchema, tierSchema } from './engine-schemas';
import { readStoredJson, type StoredJsonPlace } from './read-stored-json';
import type { ShapeOf } from './shape-of';

/** The JSON columns of the controls tables and `accounts.ou_path`. */

const switchGrantsSchema = z.array(z.object({ action: z.string(), path: grantPathSchema.nullable(), description: z.string() } satisfies ShapeOf<SwitchGrant>));

/** `control_switchers.grants` of one row: the permissions that let the principal switch the control off. */
export function readSwitchGrants(text: string, switcherId: number): SwitchGrant[] {
  return readStoredJson(switchGrantsSchema, text, { column: 'control_switchers.grants', row: switcherId });
}

const ouPathSchema = z.array(z.object({ id: z.string(), name: z.string() } satisfies ShapeOf<OrganizationalUnitRef>));

/** `accounts.ou_path` of one account: root first, the account's direct parent last. */
export function readOuPath(text: string, accountId: string): OrganizationalUnitRef[] {
  return readStoredJson(ouPathSchema, text, { column: 'accounts.ou_path', row: accountId });
}

/** A list of strings in one of the controls columns (regions, models, destinations, policy names). */
export function readControlList(text: string, place: StoredJsonPlace): string[] {
  return readStoredJson(stringListSchema, text, place);
}

/** `control_accounts.denied_tiers` of one row. */
export function readDeniedTiers(text: string, controlAccountId: number): Tier[] {
  return readStoredJson(z.array(tierSchema), text, { column: 'control_accounts.denied_tiers', row: controlAccountId });
}
