import { Badge } from '@/components/ui/badge';
import { ColumnHeadings } from '@/components/ui/column-headings';
import { formatDateTime } from '@/components/ui/format';
import { DeactivateUserButton } from './deactivate-user-button';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: 'admin' | 'auditor' | 'owner';
  isActive: boolean;
  source: 'cli' | 'directory';
  lastSignInAt: string | null;
}

const SOURCE_LABEL = { cli: 'CLI', directory: 'Directory' } as const;

/**
 * The Users table: role, status, source and last sign-in, with deactivation for admins. The
 * wrapper is positioned so the screen-reader-only header text stays inside its scroll area on
 * phones (an absolutely positioned element otherwise widens the whole page).
 */
export function UsersPanel({ users, viewerEmail }: { users: UserRow[]; viewerEmail: string }) {
  return (
    <div tabIndex={0} role="region" aria-label="Users" className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-brand-600">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Users of Bedrock Access Review</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-700">
          <tr>
            <ColumnHeadings cellClassName="px-4 py-2" columns={[{ label: 'User' }, { label: 'Role' }, { label: 'Status' }, { label: 'Source' }, { label: 'Last sign-in' }]} />
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id}>
              <td className="px-4 py-2">
                <div className="font-medium text-slate-900">{user.name}</div>
                <div className="font-mono text-xs text-slate-700">{user.email}</div>
              </td>
              <td className="px-4 py-2">{user.role}</td>
              <td className="px-4 py-2">{user.isActive ? <Badge tone="success">active</Badge> : <Badge tone="neutral">deactivated</Badge>}</td>
              <td className="px-4 py-2">{SOURCE_LABEL[user.source]}</td>
              <td className="px-4 py-2 whitespace-nowrap">{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : 'never'}</td>
              <td className="px-4 py-2 text-right">{user.isActive && user.email !== viewerEmail ? <DeactivateUserButton email={user.email} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
