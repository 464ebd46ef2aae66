import { TitledCard } from '@/components/campaigns/titled-card';

/** The offline revocation's AWS CLI script, with who should run it. */
export function RevocationScriptPanel({ id, accountId, isIdentityCenter }: { id: number; accountId: string; isIdentityCenter: boolean }) {
  return (
    <TitledCard headingId="script-heading" title="AWS CLI script">
      <p className="mt-1 text-sm text-slate-700">
        {isIdentityCenter ? 'Review it, run it with credentials of the Identity Center administrator (aws sso-admin / aws identitystore); the next import verifies the revocation.' : `Review it, run it with credentials of account ${accountId}; the next import verifies the revocation.`}
      </p>
      <a href={`/api/revocations/${id}/script`} className="mt-2 inline-block text-brand-700 underline">
        Download revocation-{id}.sh
      </a>
    </TitledCard>
  );
}
