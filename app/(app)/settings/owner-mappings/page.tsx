import { getDatabase } from '@/db/client';
import { listOwnerMappingRows } from '@/db/queries/campaigns/list-owner-mapping-rows';
import { requirePageUser } from '@/server/auth/session';
import { OwnerMappingEditor } from '@/components/campaigns/owner-mapping-editor';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'Owner mapping' };

export default async function OwnerMappingsPage() {
  await requirePageUser('admin');
  const rules = listOwnerMappingRows(getDatabase());
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="Owner mapping"
        description={
          <>
            Who reviews a principal that carries no <code>owner</code> tag. Rules are tried by ascending priority; the first rule whose account, path prefix and name pattern (
            <code>*</code> and <code>?</code> wildcards) all match wins. Empty fields match anything. Without a match, the account owner reviews, then a fallback admin. Changes
            apply to campaigns launched afterwards.
          </>
        }
      />
      <OwnerMappingEditor rules={rules} />
    </div>
  );
}
