'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { fieldClass, fieldLabelClass } from '@/components/data-table/filter-bar';

/** Admin-only form (the route checks the role again): accept one conflict as an exception. */
export function AcceptExceptionForm({ conflictId, principalName, ruleId, defaultExpiry, maxExpiry }: { conflictId: number; principalName: string; ruleId: string; defaultExpiry: string; maxExpiry: string }) {
  const router = useRouter();
  const formId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!isOpen) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setIsOpen(true)} aria-label={`Accept ${ruleId} for ${principalName} as an exception`}>
        Accept as exception
      </Button>
    );
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setIsSubmitting(true);
    setError(null);
    try {
      const response = await fetch('/api/conflicts/exceptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conflictId, reason: String(data.get('reason') ?? ''), expiresOn: String(data.get('expiresOn') ?? '') }),
      });
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      if (!response.ok) {
        setError(body.error ?? `The server answered ${response.status}.`);
        return;
      }
      setIsOpen(false);
      router.refresh();
    } catch {
      setError('The server could not be reached. Try again.');
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <form onSubmit={submit} className="mt-2 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" aria-label={`Exception for ${ruleId} on ${principalName}`}>
      <div>
        <label htmlFor={`${formId}-reason`} className={fieldLabelClass}>
          Reason
        </label>
        <textarea id={`${formId}-reason`} name="reason" required minLength={10} maxLength={2000} rows={2} className={fieldClass} />
      </div>
      <div>
        <label htmlFor={`${formId}-expires`} className={fieldLabelClass}>
          Expires on
        </label>
        <input id={`${formId}-expires`} name="expiresOn" type="date" required defaultValue={defaultExpiry} max={maxExpiry} className={fieldClass} />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Accept exception'}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setIsOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
