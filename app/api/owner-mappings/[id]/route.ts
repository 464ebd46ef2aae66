import { getDatabase } from '@/db/client';
import { deleteOwnerMapping, updateOwnerMapping } from '@/db/queries/campaigns/owner-mappings';
import { ownerMappingRequestSchema } from '@/lib/campaigns/request-schemas';
import { parseIdParam } from '@/lib/campaigns/route-helpers';
import { defineRoute } from '@/server/http/define-route';

export const PUT = defineRoute({ roles: ['admin'], body: ownerMappingRequestSchema }, ({ user, body, params }) =>
  updateOwnerMapping(
    getDatabase(),
    parseIdParam(params.id),
    { priority: body.priority, accountId: body.accountId ?? null, pathPrefix: body.pathPrefix ?? null, namePattern: body.namePattern ?? null, groupName: body.groupName ?? null, permissionSetName: body.permissionSetName ?? null, ownerEmail: body.ownerEmail },
    user.email,
  ),
);

export const DELETE = defineRoute({ roles: ['admin'] }, ({ user, params }) => {
  deleteOwnerMapping(getDatabase(), parseIdParam(params.id), user.email);
  return { ok: true };
});
