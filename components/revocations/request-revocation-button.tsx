'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { sendJson } from '@/components/campaigns/send-json';

/**
 * Admin only (the page renders it for admins; the route checks again): request a revocation of one
 * entitlement. For a principal IAM refuses to change (protected-principal.ts), the reason is shown
 * instead of the button.
 */
export function RequestRevocationButton({ principalId, entitlementKey, policyLabel, protectionReason = null }: { principalId: number; entitlementKey: string; policyLabel: string; protectionReason?: string | null }) {
  const router = useRouter();
  const fieldId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'ok'; text: string } | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  if (protectionReason) {
    return (
      <span role="note" data-testid="revocation-protected" className="max-w-md text-left text-xs text-slate-800">
        {protectionReason}
      </span>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const justification = String(new FormData(event.currentTarget).get('justification') ?? '');
    setIsSubmitting(true);
    const result = await sendJson<{ id: number }>('/api/revocations', 'POST', { principalId, entitlementKey, justification });
    setIsSubmitting(false);
    if (!result.ok) {
      setMessage({ tone: 'error', text: result.error });
      return;
    }
    setMessage({ tone: 'ok', text: `Revocation #${result.data.id} requested.` });
    setIsOpen(false);
    router.push(`/revocations/${result.data.id}`);
  }

  return (
    <span className="flex flex-col items-end gap-1">
      {isOpen ? (
        <form onSubmit={submit} className="flex items-end gap-2">
          <label htmlFor={fieldId} className="text-xs font-medium text-slate-700">
            Justification
            <input id={fieldId} name="justification" required minLength={1} className="ml-2 rounded border border-slate-300 px-2 py-1 text-sm" />
          </label>
          <button type="submit" disabled={isSubmitting} className="rounded bg-red-700 px-2 py-1 text-xs font-semibold text-white hover:bg-red-800 disabled:opacity-60">
            Confirm revocation request
          </button>
          <button type="button" onClick={() => setIsOpen(false)} className="text-xs text-slate-700 underline">
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setIsOpen(true)} className="rounded border border-red-300 bg-white px-2 py-1 text-xs font-semibold text-red-800 hover:bg-red-50" aria-label={`Request revocation of ${policyLabel}`}>
          Request revocation
        </button>
      )}
      {message ? (
        <span role={message.tone === 'error' ? 'alert' : 'status'} className={message.tone === 'error' ? 'text-xs text-red-800' : 'text-xs text-green-800'}>
          {message.text}
        </span>
      ) : null}
    </span>
  );
}
