'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { fieldClass, fieldLabelClass } from '@/components/data-table/filter-bar';
import { sendJson } from '@/components/campaigns/send-json';

/** Offline accounts: the admin who ran the script reports that it stopped, pasting the AWS CLI's output. */
export function ReportScriptFailureForm({ id }: { id: number }) {
  const router = useRouter();
  const fieldId = useId();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const output = String(new FormData(event.currentTarget).get('output') ?? '');
    setIsSubmitting(true);
    setError(null);
    const result = await sendJson(`/api/revocations/${id}/report-failure`, 'POST', { output });
    setIsSubmitting(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    router.refresh();
  }

  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <summary className="cursor-pointer font-semibold">The script stopped with an error?</summary>
      <form onSubmit={submit} className="mt-2 space-y-2" aria-label="Report that the script failed">
        <label htmlFor={fieldId} className={fieldLabelClass}>
          AWS CLI output
        </label>
        <textarea id={fieldId} name="output" required minLength={10} maxLength={4000} rows={3} className={`${fieldClass} font-mono text-xs`} placeholder="An error occurred (AccessDenied) when calling the DetachRolePolicy operation: …" />
        {error ? (
          <p role="alert" className="text-red-800">
            {error}
          </p>
        ) : null}
        <Button type="submit" size="sm" variant="secondary" disabled={isSubmitting}>
          {isSubmitting ? 'Reporting…' : 'Report the failure'}
        </Button>
      </form>
    </details>
  );
}
