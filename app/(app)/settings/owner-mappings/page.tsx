import { getDatabase } from '@/db/client';
import { listOwnerMappings } from '@/db/queries/campaigns/owner-mappings';
import { requirePageUser } from '@/server/auth/session';
import { OwnerMappingEditor } from '@/components/campaigns/owner-mapping-editor';

export const metadata = { title: 'Owner mapping' };

export default async function OwnerMappingsPage() {
  await requirePageUser('admin');
  const rules = listOwnerMappings(getDatabase());
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Owner mapping</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-700">
          Who reviews a principal that carries no <code>owner</code> tag. Rules are tried by ascending priority; the first rule whose account, path prefix and name
          pattern (<code>*</code> and <code>?</code> wildcards) all match wins. Empty fields match anything. Without a match, the account owner reviews, then a fallback admin.
          Changes apply to campaigns launched afterwards.
        </p>
      </div>
      <OwnerMappingEditor rules={rules} />
    </div>
  );
}
