'use client';

import { useState, type FormEvent } from 'react';
import { validateOwnerMapping, type OwnerMappingField } from '@/lib/campaigns/owner-mapping-field-errors';
import type { OwnerMappingRule } from '@/lib/campaigns/reviewer';
import { useCheckedSubmit } from '@/components/forms/use-checked-submit';
import { inputClass, labelClass, primaryButtonClass, secondaryButtonClass } from './form-styles';
import { describedBy, FieldError } from './field-error';
import { OwnerMappingMatchPreviewText } from './owner-mapping-match-preview';
import { useOwnerMappingPreview } from './use-owner-mapping-preview';

type Draft = Record<OwnerMappingField, string>;

const FIELDS: { field: OwnerMappingField; label: string; placeholder?: string; inputMode?: 'numeric' | 'email'; className?: string }[] = [
  { field: 'priority', label: 'Priority', inputMode: 'numeric' },
  { field: 'accountId', label: 'Account id', placeholder: 'any', inputMode: 'numeric' },
  { field: 'pathPrefix', label: 'Path prefix', placeholder: '/data-science/' },
  { field: 'namePattern', label: 'Name pattern', placeholder: 'ml-*' },
  { field: 'groupName', label: 'Identity Center group', placeholder: 'ML-Engineers' },
  { field: 'permissionSetName', label: 'Permission set', placeholder: 'BedrockDeveloper' },
  { field: 'ownerEmail', label: 'Owner email', placeholder: 'maya@example.com', inputMode: 'email' },
];

function toRequest(draft: Draft) {
  return {
    priority: draft.priority.trim() === '' ? Number.NaN : Number(draft.priority),
    accountId: draft.accountId.trim() || null,
    pathPrefix: draft.pathPrefix.trim() || null,
    namePattern: draft.namePattern.trim() || null,
    groupName: draft.groupName.trim() || null,
    permissionSetName: draft.permissionSetName.trim() || null,
    ownerEmail: draft.ownerEmail.trim(),
  };
}

/** The rule as the preview route can read it, or null while nothing is typed yet or a condition is not yet valid. */
function previewRequest(draft: Draft, id: number | null) {
  const request = toRequest(draft);
  if (!request.accountId && !request.pathPrefix && !request.namePattern && !request.groupName && !request.permissionSetName && !request.ownerEmail) return null;
  const isReadable = Number.isInteger(request.priority) && request.priority >= 0 && (!request.accountId || /^\d{12}$/.test(request.accountId)) && (!request.pathPrefix || request.pathPrefix.startsWith('/'));
  return isReadable ? { ...request, id } : null;
}

/** Add or edit one rule; warnings and the principals it matches show while it is typed. */
export function OwnerMappingForm({ editing, nextPriority, onSaved, onCancel }: { editing: OwnerMappingRule | null; nextPriority: number; onSaved: (message: string) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>({
    priority: String(editing?.priority ?? nextPriority),
    accountId: editing?.accountId ?? '',
    pathPrefix: editing?.pathPrefix ?? '',
    namePattern: editing?.namePattern ?? '',
    groupName: editing?.groupName ?? '',
    permissionSetName: editing?.permissionSetName ?? '',
    ownerEmail: editing?.ownerEmail ?? '',
  });
  const { errors, serverError, isSaving, submitChecked } = useCheckedSubmit<OwnerMappingField>();
  const preview = useOwnerMappingPreview(previewRequest(draft, editing?.id ?? null));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = validateOwnerMapping(toRequest(draft));
    const answer = editing ? await submitChecked(checked, `/api/owner-mappings/${editing.id}`, 'PUT') : await submitChecked(checked, '/api/owner-mappings', 'POST');
    if (!answer) return;
    onSaved(editing ? `Rule ${editing.id} saved.` : 'Rule added.');
  }

  return (
    <form onSubmit={submit} className="mt-4 space-y-4" noValidate>
      {serverError ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {serverError}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {FIELDS.map(({ field, label, placeholder, inputMode }) => (
          <div key={field} className="min-w-0">
            <label htmlFor={`mapping-${field}`} className={labelClass}>
              {label}
            </label>
            <input
              id={`mapping-${field}`}
              name={field}
              value={draft[field]}
              onChange={(event) => setDraft({ ...draft, [field]: event.target.value })}
              placeholder={placeholder}
              inputMode={inputMode}
              type={field === 'ownerEmail' ? 'email' : 'text'}
              className={inputClass}
              {...describedBy(`mapping-${field}-error`, errors[field])}
            />
            <FieldError id={`mapping-${field}-error`} message={errors[field]} />
          </div>
        ))}
      </div>
      <OwnerMappingMatchPreviewText state={preview} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={primaryButtonClass} disabled={isSaving}>
          {editing ? 'Save rule' : 'Add rule'}
        </button>
        {editing ? (
          <button type="button" className={secondaryButtonClass} onClick={onCancel}>
            Cancel editing
          </button>
        ) : null}
      </div>
    </form>
  );
}
