import { z } from 'zod';
import type { StoredScanSummary } from '../schema/stored-json';
import { tierSchema, stringListSchema } from './engine-schemas';
import { readStoredJson } from './read-stored-json';
import type { ShapeOf } from './shape-of';

const countsSchema = z.record(z.string(), z.number());

const storedScanSummarySchema = z.object({
  principalCount: z.number(),
  bedrockPrincipalCount: z.number(),
  byTier: z.partialRecord(tierSchema, z.number()),
  byAccount: countsSchema,
  scoreBuckets: z.array(z.number()),
  openConflictsByRule: countsSchema,
  openConflictsBySeverity: countsSchema,
  exposedOutsideOrgCount: z.number(),
  unpinnedOidcCount: z.number(),
  publicTrustCount: z.number(),
  accountCount: z.number(),
  failedAccountCount: z.number(),
  unclassifiedActions: stringListSchema,
} satisfies ShapeOf<StoredScanSummary>);

/** `scans.summary` of one scan (a few hundred bytes, read for the overview and its trends). */
export function readScanSummary(text: string, scanId: number): StoredScanSummary {
  return readStoredJson(storedScanSummarySchema, text, { column: 'scans.summary', row: scanId });
}
