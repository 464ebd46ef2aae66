'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from './send-json';
import { dangerButtonClass, secondaryButtonClass } from './form-styles';

export function CloseCampaignButton({ campaignId, pendingCount, closeBehaviour }: { campaignId: number; pendingCount: number; closeBehaviour: 'report' | 'revoke' }) {
  const router = useRouter();
  const [isConfirming, setIsConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const outcome = closeBehaviour === 'revoke' ? 'revoked (revocation requests are created)' : 'reported as not certified';

  async function close() {
    setIsBusy(true);
    const result = await sendJson(`/api/campaigns/${campaignId}/close`, 'POST');
    setIsBusy(false);
    if (!result.ok) {
      setMessage(result.error);
      return;
    }
    setIsConfirming(false);
    router.refresh();
  }

  return (
    <div className="flex flex-col items-end gap-2">
      {isConfirming ? (
        <div role="group" aria-label="Confirm closing" className="flex items-center gap-2 text-sm">
          <span>
            {pendingCount} undecided {pendingCount === 1 ? 'item' : 'items'} will be {outcome}.
          </span>
          <button type="button" className={dangerButtonClass} onClick={close} disabled={isBusy}>
            Confirm close
          </button>
          <button type="button" className={secondaryButtonClass} onClick={() => setIsConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className={dangerButtonClass} onClick={() => setIsConfirming(true)}>
          Close campaign
        </button>
      )}
      {message ? (
        <p role="alert" className="text-sm text-red-800">
          {message}
        </p>
      ) : null}
    </div>
  );
}

export function LaunchDefinitionButton({ definitionId, name }: { definitionId: number; name: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  async function launch() {
    setIsBusy(true);
    const result = await sendJson<{ campaignId: number }>(`/api/campaigns/definitions/${definitionId}/launch`, 'POST');
    setIsBusy(false);
    if (!result.ok) {
      setMessage(result.error);
      return;
    }
    router.push(`/campaigns/${result.data.campaignId}`);
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" className={secondaryButtonClass} onClick={launch} disabled={isBusy} aria-label={`Launch ${name} now`}>
        Launch now
      </button>
      {message ? (
        <span role="alert" className="text-sm text-red-800">
          {message}
        </span>
      ) : null}
    </span>
  );
}
