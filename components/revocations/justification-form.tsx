'use client';

import { useId, type FormEvent } from 'react';

// Literal class names, so Tailwind sees them: a row that wraps with the field above its own line, or one line.
const LAYOUTS = {
  wrapping: { form: 'flex flex-wrap items-end gap-2', input: 'mt-0.5 block w-48 rounded border border-slate-300 px-2 py-1 text-sm' },
  inline: { form: 'flex items-end gap-2', input: 'ml-2 rounded border border-slate-300 px-2 py-1 text-sm' },
} as const;

/** The justification a revocation request carries, asked for once the admin opens the request; Cancel closes it. */
export function JustificationForm({ layout, confirmLabel, isSubmitting, onSubmit, onCancel }: { layout: keyof typeof LAYOUTS; confirmLabel: string; isSubmitting: boolean; onSubmit: (justification: string) => void; onCancel: () => void }) {
  const fieldId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit(String(new FormData(event.currentTarget).get('justification') ?? ''));
  }

  return (
    <form onSubmit={submit} className={LAYOUTS[layout].form}>
      <label htmlFor={fieldId} className="text-xs font-medium text-slate-700">
        Justification
        <input id={fieldId} name="justification" required minLength={1} className={LAYOUTS[layout].input} />
      </label>
      <button type="submit" disabled={isSubmitting} className="rounded bg-red-700 px-2 py-1 text-xs font-semibold text-white hover:bg-red-800 disabled:opacity-60">
        {confirmLabel}
      </button>
      <button type="button" onClick={onCancel} className="text-xs text-slate-700 underline">
        Cancel
      </button>
    </form>
  );
}
