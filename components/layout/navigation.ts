import type { UserRole } from '@/db/schema/users';

export interface NavigationItem {
  href: string;
  label: string;
  roles: UserRole[];
}

/** The sidebar, per role. A page listed here must also check the role itself on the server. */
export const NAVIGATION: NavigationItem[] = [
  { href: '/inbox', label: 'My reviews', roles: ['owner', 'admin'] },
  { href: '/overview', label: 'Overview', roles: ['admin', 'auditor'] },
  { href: '/principals', label: 'Principals', roles: ['admin', 'auditor', 'owner'] },
  { href: '/people', label: 'People', roles: ['admin', 'auditor'] },
  { href: '/conflicts', label: 'SoD conflicts', roles: ['admin', 'auditor', 'owner'] },
  { href: '/accounts', label: 'Accounts', roles: ['admin', 'auditor'] },
  { href: '/controls', label: 'Controls', roles: ['admin', 'auditor'] },
  { href: '/scans', label: 'Scans', roles: ['admin', 'auditor'] },
  { href: '/campaigns', label: 'Campaigns', roles: ['admin', 'auditor'] },
  { href: '/settings/owner-mappings', label: 'Owner mapping', roles: ['admin'] },
  { href: '/revocations', label: 'Revocations', roles: ['admin', 'auditor'] },
  { href: '/audit', label: 'Audit log', roles: ['admin', 'auditor'] },
  { href: '/users', label: 'Users', roles: ['admin'] },
];

export function navigationFor(role: UserRole): NavigationItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role));
}

/** Where each role lands after sign-in. */
export function homePathFor(role: UserRole): string {
  return role === 'owner' ? '/inbox' : '/overview';
}
