'use client';

import { useState, type FormEvent } from 'react';
import type { InboxItemView } from './inbox-items';
import { sendJson } from './send-json';
import { inputClass, labelClass, primaryButtonClass } from './form-styles';

/** One decision applied to the selected items of the page; refused items are listed with the reason. */
export function BulkDecisionBar({ selected, onDone }: { selected: InboxItemView[]; onDone: (message: string) => void }) {
  const [kind, setKind] = useState<'attest' | 'revoke'>('attest');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const justification = String(form.get('justification') ?? '');
    const decision = kind === 'attest' ? { kind, justification, keepUntil: String(form.get('keepUntil') ?? '') || null } : { kind, justification };
    setIsBusy(true);
    const result = await sendJson<{ applied: unknown[]; skipped: { itemId: number; reason: string }[] }>('/api/inbox/bulk', 'POST', {
      items: selected.map((item) => ({ id: item.id, version: item.version })),
      decision,
    });
    setIsBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    const skipped = result.data.skipped.map((entry) => `item ${entry.itemId}: ${entry.reason}`).join(' ');
    onDone(`Applied to ${result.data.applied.length} ${result.data.applied.length === 1 ? 'item' : 'items'}.${result.data.skipped.length > 0 ? ` Skipped ${result.data.skipped.length}: ${skipped}` : ''}`);
  }
  return (
    <section aria-labelledby="bulk-heading" className="sticky top-0 z-10 rounded-lg border border-brand-600 bg-brand-50 p-4">
      <h2 id="bulk-heading" className="text-base font-semibold text-brand-900">
        Bulk decision: {selected.length} selected
      </h2>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <form onSubmit={submit} className="mt-2 flex flex-wrap items-end gap-3" noValidate>
        <div>
          <label htmlFor="bulk-kind" className={labelClass}>
            Decision
          </label>
          <select id="bulk-kind" value={kind} onChange={(event) => setKind(event.target.value as 'attest' | 'revoke')} className={inputClass}>
            <option value="attest">Attest</option>
            <option value="revoke">Revoke</option>
          </select>
        </div>
        <div className="min-w-64 flex-1">
          <label htmlFor="bulk-justification" className={labelClass}>
            Bulk justification
          </label>
          <input id="bulk-justification" name="justification" required className={inputClass} />
        </div>
        {kind === 'attest' ? (
          <div>
            <label htmlFor="bulk-keep" className={labelClass}>
              Keep until (optional)
            </label>
            <input id="bulk-keep" name="keepUntil" type="date" className={inputClass} />
          </div>
        ) : null}
        <button type="submit" className={primaryButtonClass} disabled={isBusy}>
          Apply to {selected.length} selected
        </button>
      </form>
    </section>
  );
}

