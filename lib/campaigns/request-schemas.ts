import { z } from 'zod';
import { CLOSE_BEHAVIOURS } from './close-behaviour';
import { campaignScopeSchema } from './scope';

/** Request bodies of the campaign, inbox and owner-mapping routes (shared by forms and routes). */

export const campaignDefinitionRequestSchema = z.object({
  name: z.string().trim().min(3, 'at least 3 characters').max(120),
  scope: campaignScopeSchema,
  dueInDays: z.number().int().min(1).max(365),
  closeBehaviour: z.enum(CLOSE_BEHAVIOURS),
  /** Empty or null: one-off, launched at once. */
  schedule: z.string().trim().max(100).nullable(),
});

const justification = z.string().trim().min(3, 'a justification of at least 3 characters is required').max(2000);
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');

export const decisionRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attest'), justification, keepUntil: dateOnly.nullish() }),
  z.object({ kind: z.literal('revoke'), justification }),
  z.object({ kind: z.literal('delegate'), delegateTo: z.email(), note: z.string().trim().min(3, 'a note of at least 3 characters is required').max(2000) }),
]);

export const itemDecisionRequestSchema = z.object({ version: z.number().int().min(0), decision: decisionRequestSchema });

export const bulkDecisionRequestSchema = z.object({
  items: z.array(z.object({ id: z.number().int().positive(), version: z.number().int().min(0) })).min(1).max(500),
  decision: decisionRequestSchema,
});

export const ownerMappingRequestSchema = z.object({
  priority: z.number().int().min(0).max(100_000),
  accountId: z.string().regex(/^(\d{12})?$/, 'must be a 12-digit AWS account id').nullish(),
  pathPrefix: z.string().max(512).regex(/^(\/.*)?$/, 'must start with /').nullish(),
  namePattern: z.string().max(128).nullish(),
  /** Identity Center group whose owner this is (assignment items through the group). */
  groupName: z.string().max(128).nullish(),
  /** Identity Center permission set whose owner this is. */
  permissionSetName: z.string().max(32).nullish(),
  ownerEmail: z.email(),
});
