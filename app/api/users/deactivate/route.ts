import { z } from 'zod';
import { getDatabase } from '@/db/client';
import { deactivateUser, LastAdminError, UserNotFoundError } from '@/db/queries/user-admin';
import { defineRoute } from '@/server/http/define-route';
import { NotFoundError, ValidationError } from '@/lib/http/errors';

const bodySchema = z.object({ email: z.email() }).strict();

/** Admins deactivate a user; the user's sessions end at once (issue 21, item 8). */
export const POST = defineRoute({ roles: ['admin'], body: bodySchema }, ({ user, body }) => {
  if (body.email.toLowerCase() === user.email) throw new ValidationError('You cannot deactivate yourself; ask another admin.');
  try {
    return { changed: deactivateUser(getDatabase(), body.email, user.email) };
  } catch (error) {
    if (error instanceof UserNotFoundError) throw new NotFoundError(error.message);
    if (error instanceof LastAdminError) throw new ValidationError(error.message);
    throw error;
  }
});
