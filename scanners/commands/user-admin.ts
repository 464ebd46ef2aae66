import type { AppDatabase } from '../../db/client';
import { deactivateUser, LastAdminError, listAllUsers, removeUser, UserNotFoundError } from '../../db/queries/user-admin';
import { requireStringFlag, UsageError, type ParsedArguments } from '../cli-args';
import { addUserCommand } from './users';

/** `user list`: one line per user with role, status, source and last sign-in. */
export function listUsersCommand(database: AppDatabase): string {
  const rows = listAllUsers(database);
  if (rows.length === 0) return 'No users. Create the first admin with: npm run cli -- admin create --email E';
  const header = ['EMAIL', 'ROLE', 'STATUS', 'SOURCE', 'LAST SIGN-IN', 'NAME'];
  const lines = rows.map((row) => [row.email, row.role, row.isActive ? 'active' : 'deactivated', row.source, row.lastSignInAt ?? 'never', row.name]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  return [header, ...lines].map((line) => line.map((cell, column) => (column === line.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')).join('\n');
}

function translate<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof UserNotFoundError || error instanceof LastAdminError) throw new UsageError(error.message);
    throw error;
  }
}

/** `user add|list|deactivate|remove`. */
export function userCommand(database: AppDatabase, parsed: ParsedArguments, subcommand: string | undefined): string {
  switch (subcommand) {
    case 'add':
      return addUserCommand(database, parsed);
    case 'list':
      return listUsersCommand(database);
    case 'deactivate': {
      const email = requireStringFlag(parsed, 'email').toLowerCase();
      const changed = translate(() => deactivateUser(database, email, 'cli'));
      return changed ? `Deactivated ${email}; their sessions have ended.` : `${email} was already deactivated.`;
    }
    case 'remove': {
      const email = requireStringFlag(parsed, 'email').toLowerCase();
      translate(() => removeUser(database, email, 'cli'));
      return `Removed ${email}; their sessions have ended.`;
    }
    default:
      throw new UsageError('usage: user add --email E --role R | user list | user deactivate --email E | user remove --email E');
  }
}
