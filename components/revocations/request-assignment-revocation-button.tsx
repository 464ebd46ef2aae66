'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useJsonRequest } from '@/components/forms/use-json-request';
import { RequestError } from '@/components/forms/request-error';
import { RevocationRequestToggle } from './revocation-request-toggle';

/**
 * Admin only (the page renders it for admins; the route checks again): request the revocation of one
 * Identity Center assignment of a person: the person leaves the group, or the direct assignment is
 * deleted. The request goes through the lifecycle of every revocation (four-eyes approval, worker).
 */
export function RequestAssignmentRevocationButton({ principalArn, entitlementKey, label }: { principalArn: string; entitlementKey: string; label: string }) {
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const { isSubmitting, error, send } = useJsonRequest();

  async function submit(justification: string) {
    const answer = await send<{ id: number }>('/api/revocations/assignments', 'POST', { principalArn, entitlementKey, justification });
    if (answer) router.push(`/revocations/${answer.id}`);
  }

  return (
    <span className="flex flex-col items-start gap-1">
      <RevocationRequestToggle isOpen={isOpen} onOpenChange={setIsOpen} buttonText="Revoke assignment" buttonLabel={`Request revocation of ${label}`} isButtonNowrap layout="wrapping" confirmLabel="Confirm" isSubmitting={isSubmitting} onSubmit={submit} />
      <RequestError error={error} />
    </span>
  );
}
