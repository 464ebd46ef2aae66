'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { useJsonRequest } from '@/components/forms/use-json-request';
import { formatDate } from '@/components/ui/format';
import { useExceptionFeedback } from './exception-feedback';

/** The second admin's approval of a critical exception request (the route refuses the requester). */
export function ApproveExceptionButton({ requestId, principalName, ruleId }: { requestId: number; principalName: string; ruleId: string }) {
  const router = useRouter();
  const announce = useExceptionFeedback();
  const { isSubmitting, error, send } = useJsonRequest();

  async function approve() {
    const answer = await send<{ expiresAt: string }>(`/api/conflicts/exception-requests/${requestId}/approve`, 'POST');
    if (!answer) return;
    announce(`Exception approved as second admin: ${ruleId} on ${principalName} is accepted until ${formatDate(answer.expiresAt)}.`);
    router.refresh();
  }

  return (
    <div className="mt-1">
      <Button size="sm" onClick={approve} disabled={isSubmitting} aria-label={`Approve the exception for ${ruleId} on ${principalName} as second admin`}>
        {isSubmitting ? 'Approving…' : 'Approve as second admin'}
      </Button>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
