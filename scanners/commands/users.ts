import { z } from 'zod';
import type { AppDatabase } from '../../db/client';
import { appendAudit } from '../../db/queries/audit';
import { upsertUser } from '../../db/queries/users';
import { USER_ROLES, type UserRole } from '../../db/schema/users';
import { DEMO_USERS } from '../../lib/auth/demo-users';
import { requireStringFlag, stringFlag, UsageError, type ParsedArguments } from '../cli-args';
import { inWriteTransaction } from '../../db/write-transaction';

const emailSchema = z.email();

/** `user add --email E --role admin|auditor|owner [--name N]` and `admin create --email E`. */
export function addUserCommand(database: AppDatabase, parsed: ParsedArguments, forcedRole?: UserRole): string {
  const email = requireStringFlag(parsed, 'email').toLowerCase();
  if (!emailSchema.safeParse(email).success) throw new UsageError(`"${email}" is not an email address`);
  const role = (forcedRole ?? requireStringFlag(parsed, 'role')) as UserRole;
  if (!USER_ROLES.includes(role)) throw new UsageError(`--role must be one of ${USER_ROLES.join(', ')}`);
  const name = stringFlag(parsed, 'name') ?? email.split('@')[0];
  const { user, isNew } = upsertUser(database, { email, name, role });
  appendAudit(database, { actor: 'cli', action: isNew ? 'user.create' : 'user.update', objectType: 'user', objectId: user.id, after: { email, role } });
  return `${isNew ? 'Created' : 'Updated'} ${role} ${email}`;
}

/** Creates the demo personas (demo mode only uses them). */
export function seedDemoUsers(database: AppDatabase): number {
  return inWriteTransaction(database, () => {
    let created = 0;
    for (const demoUser of DEMO_USERS) {
      const { user, isNew } = upsertUser(database, demoUser);
      if (isNew) {
        created += 1;
        appendAudit(database, { actor: 'cli', action: 'user.create', objectType: 'user', objectId: user.id, after: { email: user.email, role: user.role, demo: true } });
      }
    }
    return created;
  });
}
