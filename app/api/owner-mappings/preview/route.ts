import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { previewOwnerMapping } from '@/db/queries/campaigns/preview-owner-mapping';
import { ownerMappingRequestSchema } from '@/lib/campaigns/request-schemas';
import { defineRoute } from '@/server/http/define-route';

/** The rule as typed so far: the email may be unfinished (it only feeds the unknown-reviewer warning). */
const previewRequestSchema = ownerMappingRequestSchema.extend({ id: z.number().int().positive().nullish(), ownerEmail: z.string().trim().max(320) });

/** Which principals a rule would match and route, and its warnings; reads only, admins only. */
export const POST = defineRoute({ roles: ['admin'], body: previewRequestSchema }, ({ body }) =>
  previewOwnerMapping(getDatabase(), { id: body.id ?? null, priority: body.priority, accountId: body.accountId || null, pathPrefix: body.pathPrefix || null, namePattern: body.namePattern || null, ownerEmail: body.ownerEmail }),
);
