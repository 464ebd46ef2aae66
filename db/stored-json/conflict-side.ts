import { z } from 'zod';
import type { StoredConflictSide } from '../schema/stored-json';
import { grantPathSchema, stringListSchema, tierSchema } from './engine-schemas';
import { readStoredJson } from './read-stored-json';
import type { ShapeOf } from './shape-of';

const conflictSideEntrySchema = z.object({ path: grantPathSchema, tiers: stringListSchema, actions: stringListSchema } satisfies ShapeOf<StoredConflictSide>);

/** A row written before the per-path format: one entry per action. */
const legacyConflictSideEntrySchema = z.object({ action: z.string(), tier: tierSchema, path: grantPathSchema });

export type LegacyConflictSideEntry = z.infer<typeof legacyConflictSideEntrySchema>;

const conflictSideSchema = z.array(z.union([conflictSideEntrySchema, legacyConflictSideEntrySchema]));

/** `sod_conflicts.side_a` or `side_b` of one row, in whichever format it was written. */
export function readConflictSide(text: string, place: { side: 'side_a' | 'side_b'; conflictId: number }): Array<StoredConflictSide | LegacyConflictSideEntry> {
  return readStoredJson(conflictSideSchema, text, { column: `sod_conflicts.${place.side}`, row: place.conflictId });
}
