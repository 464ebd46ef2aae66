import { getDatabase } from '@/db/client';
import { requestAssignmentRevocation } from '@/db/queries/revocations/assignment-plan';
import { defineRoute } from '@/server/http/define-route';
import { assignmentRevocationRequestSchema } from '@/lib/revocations/request-schemas';

/** An admin asks to revoke one Identity Center assignment of a person (the person page); planned at once. */
export const POST = defineRoute({ roles: ['admin'], body: assignmentRevocationRequestSchema }, ({ user, body }) =>
  requestAssignmentRevocation(getDatabase(), { ...body, actor: user.email, now: new Date() }),
);
