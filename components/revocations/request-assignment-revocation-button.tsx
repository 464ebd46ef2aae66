'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { sendJson } from '@/components/campaigns/send-json';

/**
 * Admin only (the page renders it for admins; the route checks again): request the revocation of one
 * Identity Center assignment of a person: the person leaves the group, or the direct assignment is
 * deleted. The request goes through the lifecycle of every revocation (four-eyes approval, worker).
 */
export function RequestAssignmentRevocationButton({ principalArn, entitlementKey, label }: { principalArn: string; entitlementKey: string; label: string }) {
  const router = useRouter();
  const fieldId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const justification = String(new FormData(event.currentTarget).get('justification') ?? '');
    setIsSubmitting(true);
    const result = await sendJson<{ id: number }>('/api/revocations/assignments', 'POST', { principalArn, entitlementKey, justification });
    setIsSubmitting(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    router.push(`/revocations/${result.data.id}`);
  }

  return (
    <span className="flex flex-col items-start gap-1">
      {isOpen ? (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-2">
          <label htmlFor={fieldId} className="text-xs font-medium text-slate-700">
            Justification
            <input id={fieldId} name="justification" required minLength={1} className="mt-0.5 block w-48 rounded border border-slate-300 px-2 py-1 text-sm" />
          </label>
          <button type="submit" disabled={isSubmitting} className="rounded bg-red-700 px-2 py-1 text-xs font-semibold text-white hover:bg-red-800 disabled:opacity-60">
            Confirm
          </button>
          <button type="button" onClick={() => setIsOpen(false)} className="text-xs text-slate-700 underline">
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setIsOpen(true)} className="whitespace-nowrap rounded border border-red-300 bg-white px-2 py-1 text-xs font-semibold text-red-800 hover:bg-red-50" aria-label={`Request revocation of ${label}`}>
          Revoke assignment
        </button>
      )}
      {error ? (
        <span role="alert" className="text-xs text-red-800">
          {error}
        </span>
      ) : null}
    </span>
  );
}
