/** The app's own roles. The identity provider only proves the email. */
export const USER_ROLES = ['admin', 'auditor', 'owner'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Who created the user: an admin through the CLI, or the directory's role mapping at first sign-in. */
export const USER_SOURCES = ['cli', 'directory'] as const;
export type UserSource = (typeof USER_SOURCES)[number];
