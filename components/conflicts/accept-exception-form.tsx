'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { fieldClass, fieldLabelClass } from '@/components/data-table/filter-bar';
import { useJsonRequest } from '@/components/forms/use-json-request';
import { formatDate } from '@/components/ui/format';
import { useExceptionFeedback } from './exception-feedback';

type AcceptAnswer = { status: 'accepted'; expiresAt: string } | { status: 'awaiting-second-admin'; expiresAt: string };

/** Admin-only form (the route checks the role again): accept one conflict as an exception. */
export function AcceptExceptionForm({ conflictId, principalName, ruleId, defaultExpiry, maxExpiry, needsSecondAdmin }: { conflictId: number; principalName: string; ruleId: string; defaultExpiry: string; maxExpiry: string; needsSecondAdmin: boolean }) {
  const router = useRouter();
  const announce = useExceptionFeedback();
  const formId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const { isSubmitting, error, send } = useJsonRequest();

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
    const answer = await send<AcceptAnswer>('/api/conflicts/exceptions', 'POST', { conflictId, reason: String(data.get('reason') ?? ''), expiresOn: String(data.get('expiresOn') ?? '') });
    if (!answer) return;
    announce(
      answer.status === 'accepted'
        ? `Exception accepted: ${ruleId} on ${principalName} until ${formatDate(answer.expiresAt)}. Accepted exceptions are hidden from the open list; choose “Include accepted exceptions” to see them.`
        : `Exception recorded for ${ruleId} on ${principalName}: it is critical, so it is awaiting a second admin before it applies.`,
    );
    setIsOpen(false);
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="mt-2 min-w-56 space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" aria-label={`Exception for ${ruleId} on ${principalName}`}>
      {needsSecondAdmin ? <p className="text-xs text-slate-700">Critical conflict: four-eyes is on, so another admin must approve this exception before it applies.</p> : null}
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
          {isSubmitting ? 'Saving…' : needsSecondAdmin ? 'Ask for approval' : 'Accept exception'}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setIsOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
