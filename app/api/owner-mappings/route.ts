import { getDatabase } from '@/db/client';
import { createOwnerMapping } from '@/db/queries/campaigns/owner-mappings';
import { ownerMappingRequestSchema } from '@/lib/campaigns/request-schemas';
import { defineRoute } from '@/server/http/define-route';

export const POST = defineRoute({ roles: ['admin'], body: ownerMappingRequestSchema }, ({ user, body }) =>
  createOwnerMapping(getDatabase(), { priority: body.priority, accountId: body.accountId ?? null, pathPrefix: body.pathPrefix ?? null, namePattern: body.namePattern ?? null, groupName: body.groupName ?? null, permissionSetName: body.permissionSetName ?? null, ownerEmail: body.ownerEmail }, user.email),
);
