import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { listAccountChoices } from '@/db/queries/campaigns/definitions';
import { requirePageUser } from '@/server/auth/session';
import { CampaignDefinitionForm } from '@/components/campaigns/campaign-definition-form';
import { PageHeader } from '@/components/ui/page-header';

export const metadata = { title: 'New campaign' };

export default async function NewCampaignPage() {
  await requirePageUser('admin');
  const accounts = listAccountChoices(getDatabase());
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/campaigns" className="text-sm text-brand-700 underline">
        Back to campaigns
      </Link>
      <PageHeader
        title="New campaign"
        description={
          <>
            Each item goes to its reviewer: the principal’s <code>owner</code> tag, else the first{' '}
            <Link href="/settings/owner-mappings" className="text-brand-700 underline">
              owner-mapping rule
            </Link>{' '}
            that matches, else the account owner, else a fallback admin. Nobody reviews their own access.
          </>
        }
      />
      <CampaignDefinitionForm accounts={accounts} />
    </div>
  );
}
