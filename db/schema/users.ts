import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { idColumn } from './columns';
import { USER_ROLES, USER_SOURCES } from '../../lib/auth/roles';

// The value lists live in lib/ (pure); the schema takes them from there.
export { USER_ROLES, USER_SOURCES, type UserRole, type UserSource } from '../../lib/auth/roles';

/** People who sign in. Roles are the app's own; the identity provider only proves the email. */
export const users = sqliteTable(
  'users',
  {
    id: idColumn(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: USER_ROLES }).notNull(),
    isActive: integer('is_active', { mode: 'boolean' }).notNull().default(true),
    createdAt: text('created_at').notNull(),
    source: text('source', { enum: USER_SOURCES }).notNull().default('cli'),
    lastSignInAt: text('last_sign_in_at'),
    /**
     * Sessions carry the version they were issued under; bumping it (sign-out, role change,
     * deactivation) ends every session of the user at its next request.
     */
    sessionVersion: integer('session_version').notNull().default(0),
  },
  (table) => [index('users_role_idx').on(table.role)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** Failed sign-in attempts, for rate limiting by email and client address. */
export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    id: idColumn(),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (table) => [index('sign_in_attempts_key_at_idx').on(table.key, table.at)],
);
