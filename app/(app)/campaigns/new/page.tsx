import Link from 'next/link';
import { getDatabase } from '@/db/client';
import { listAccountChoices } from '@/db/queries/campaigns/definitions';
import { requirePageUser } from '@/server/auth/session';
import { CampaignDefinitionForm } from '@/components/campaigns/campaign-definition-form';

export const metadata = { title: 'New campaign' };

export default async function NewCampaignPage() {
  await requirePageUser('admin');
  const accounts = listAccountChoices(getDatabase());
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href="/campaigns" className="text-sm text-brand-700 underline">
          Back to campaigns
        </Link>
        <h1 className="mt-2 text-2xl font-bold text-slate-900">New campaign</h1>
        <p className="mt-1 text-sm text-slate-700">
          Each item goes to its reviewer: the principal’s <code>owner</code> tag, else the first{' '}
          <Link href="/settings/owner-mappings" className="text-brand-700 underline">
            owner-mapping rule
          </Link>{' '}
          that matches, else the account owner, else a fallback admin. Nobody reviews their own access.
        </p>
      </div>
      <CampaignDefinitionForm accounts={accounts} />
    </div>
  );
}
