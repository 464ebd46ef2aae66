'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useJsonRequest } from '@/components/forms/use-json-request';
import { RequestError } from '@/components/forms/request-error';
import { RevocationRequestToggle } from './revocation-request-toggle';

/**
 * Admin only (the page renders it for admins; the route checks again): request a revocation of one
 * entitlement. For a principal IAM refuses to change (protected-principal.ts), the reason is shown
 * instead of the button.
 */
export function RequestRevocationButton({ principalId, entitlementKey, policyLabel, protectionReason = null }: { principalId: number; entitlementKey: string; policyLabel: string; protectionReason?: string | null }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [requestedId, setRequestedId] = useState<number | null>(null);
  const { isSubmitting, error, send } = useJsonRequest();

  if (protectionReason) {
    return (
      <span role="note" data-testid="revocation-protected" className="max-w-md text-left text-xs text-slate-800">
        {protectionReason}
      </span>
    );
  }

  async function submit(justification: string) {
    const answer = await send<{ id: number }>('/api/revocations', 'POST', { principalId, entitlementKey, justification });
    if (!answer) return;
    setRequestedId(answer.id);
    setIsOpen(false);
    router.push(`/revocations/${answer.id}`);
  }

  return (
    <span className="flex flex-col items-end gap-1">
      <RevocationRequestToggle isOpen={isOpen} onOpenChange={setIsOpen} buttonText="Request revocation" buttonLabel={`Request revocation of ${policyLabel}`} layout="inline" confirmLabel="Confirm revocation request" isSubmitting={isSubmitting} onSubmit={submit} />
      <RequestError error={error} />
      {!error && requestedId !== null ? (
        <span role="status" className="text-xs text-green-800">
          Revocation #{requestedId} requested.
        </span>
      ) : null}
    </span>
  );
}
