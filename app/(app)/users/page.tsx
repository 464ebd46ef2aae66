import { getDatabase } from '@/db/client';
import { listAllUsers } from '@/db/queries/user-admin';
import { PageHeader } from '@/components/ui/page-header';
import { UsersPanel } from '@/components/users/users-panel';
import { requirePageUser } from '@/server/auth/session';

export const metadata = { title: 'Users' };

export default async function UsersPage() {
  const viewer = await requirePageUser('admin');
  const users = listAllUsers(getDatabase());
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Users"
        description={
          <>
            Who can sign in, with which role. Users come from the CLI (<code>npm run cli -- user add</code>) or from the directory (role mapping with just-in-time
            provisioning). Deactivating a user ends their sessions at once.
          </>
        }
      />
      <UsersPanel users={users} viewerEmail={viewer.email} />
    </div>
  );
}
