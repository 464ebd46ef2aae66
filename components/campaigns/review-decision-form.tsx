'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { attestConcerns, attestQuestion } from '@/lib/campaigns/attest-justification';
import { UNUSED_JUSTIFICATION_MIN_LENGTH } from '@/lib/campaigns/unused-justification';
import type { InboxItemView } from './inbox-items';
import { sendJson } from './send-json';
import { inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from './form-styles';

export type DecisionMode = 'attest' | 'revoke' | 'delegate';

/** What a decision did, for the page's status line: the message and the revocation a revoke created. */
export interface DecisionOutcome {
  message: string;
  revocationId: number | null;
}

/** "analyst (AmazonBedrockFullAccess)": how items are named in labels and messages. */
export function itemLabel(item: Pick<InboxItemView, 'principalName' | 'policyLabel'>): string {
  return `${item.principalName} (${item.policyLabel})`;
}

const MODE_TITLE: Record<DecisionMode, string> = { attest: 'Attest', revoke: 'Revoke', delegate: 'Delegate' };

/**
 * The decision form shown in place under an item. Its first field takes focus when it opens (the
 * keyboard flow types straight into it); Escape cancels. Attesting an item that is unused,
 * recommended for revocation or over-broad asks the question the server's rule will check.
 */
export function ReviewDecisionForm({ item, mode, delegates, minKeepUntil, onDone, onCancel }: { item: InboxItemView; mode: DecisionMode; delegates: { email: string; name: string }[]; minKeepUntil: string; onDone: (outcome: DecisionOutcome) => void; onCancel: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const firstField = useRef<HTMLTextAreaElement & HTMLSelectElement>(null);
  const prefix = `item-${item.id}-${mode}`;
  const concerns = mode === 'attest' ? attestConcerns({ usage: item.usage ?? null, recommendation: item.recommendation, tiers: item.tiers }) : [];

  useEffect(() => {
    firstField.current?.focus();
  }, [mode]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const decision =
      mode === 'delegate'
        ? { kind: 'delegate', delegateTo: String(form.get('delegateTo') ?? ''), note: String(form.get('note') ?? '') }
        : mode === 'attest'
          ? { kind: 'attest', justification: String(form.get('justification') ?? ''), keepUntil: String(form.get('keepUntil') ?? '') || null }
          : { kind: 'revoke', justification: String(form.get('justification') ?? '') };
    setIsBusy(true);
    const result = await sendJson<{ revocationId?: number | null }>(`/api/inbox/items/${item.id}/decision`, 'POST', { version: item.version, decision });
    setIsBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const verb = mode === 'delegate' ? 'delegated' : mode === 'attest' ? 'attested' : 'revoked';
    onDone({ message: `${itemLabel(item)} ${verb}.`, revocationId: result.data.revocationId ?? null });
  }

  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      className="space-y-3"
      aria-label={`${MODE_TITLE[mode]} ${itemLabel(item)}`}
      noValidate
    >
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      {mode === 'delegate' ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={`${prefix}-to`} className={labelClass}>
              Delegate to
            </label>
            <select ref={firstField} id={`${prefix}-to`} name="delegateTo" required className={inputClass} defaultValue="">
              <option value="" disabled>
                Choose a person
              </option>
              {delegates.map((delegate) => (
                <option key={delegate.email} value={delegate.email}>
                  {delegate.name} ({delegate.email})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${prefix}-note`} className={labelClass}>
              Note
            </label>
            <textarea id={`${prefix}-note`} name="note" required rows={1} className={inputClass} placeholder="Why they are the right reviewer" />
          </div>
        </div>
      ) : (
        <div className="grid gap-3 sm:grid-cols-[1fr_auto]">
          <div>
            <label htmlFor={`${prefix}-justification`} className={labelClass}>
              {mode === 'attest' ? attestQuestion(concerns) : 'Justification'}
            </label>
            <textarea ref={firstField} id={`${prefix}-justification`} name="justification" required minLength={concerns.length > 0 ? UNUSED_JUSTIFICATION_MIN_LENGTH : 3} rows={2} className={inputClass} aria-describedby={`${prefix}-help`} />
            <p id={`${prefix}-help`} className="mt-1 text-xs text-slate-700">
              {mode === 'revoke'
                ? 'A revocation request is created; an admin plans and runs it.'
                : concerns.length > 0
                  ? `Answer the recommendation in a sentence (at least ${UNUSED_JUSTIFICATION_MIN_LENGTH} characters), or revoke instead.`
                  : 'Why the access should stay.'}
            </p>
          </div>
          {mode === 'attest' ? (
            <div className="sm:w-48">
              <label htmlFor={`${prefix}-keep`} className={labelClass}>
                Keep until (optional)
              </label>
              <input id={`${prefix}-keep`} name="keepUntil" type="date" min={minKeepUntil} className={inputClass} aria-describedby={`${prefix}-keep-help`} />
              <p id={`${prefix}-keep-help`} className="mt-1 text-xs text-slate-700">
                The item comes back for review on this date.
              </p>
            </div>
          ) : null}
        </div>
      )}
      <div className="flex gap-2">
        <button type="submit" className={primaryButtonClass} disabled={isBusy}>
          {mode === 'attest' ? 'Confirm attest' : mode === 'revoke' ? 'Confirm revoke' : 'Confirm delegation'}
        </button>
        <button type="button" className={secondaryButtonClass} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
