import Link from 'next/link';
import { campaignRevocationLabel } from '@/lib/revocations/lifecycle';
import type { RevocationStatus } from '@/db/schema/revocations';

/** "revocation requested / applied / verified", linked to the revocation, under a campaign item's status. */
export function CampaignRevocationNote({ revocation }: { revocation: { id: number; status: RevocationStatus } | undefined }) {
  if (!revocation) return null;
  return (
    <Link href={`/revocations/${revocation.id}`} data-testid={`item-revocation-${revocation.id}`} className="block text-xs text-brand-700 underline underline-offset-2">
      {campaignRevocationLabel(revocation.status)}
    </Link>
  );
}
