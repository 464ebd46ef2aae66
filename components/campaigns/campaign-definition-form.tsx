'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { DEFINITION_FIELDS, validateDefinition, type DefinitionField } from '@/lib/campaigns/definition-field-errors';
import { EMPTY_SCOPE } from '@/lib/campaigns/scope';
import { useCheckedSubmit } from '@/components/forms/use-checked-submit';
import { primaryButtonClass } from './form-styles';
import type { AccountChoice } from './account-picker';
import { DefinitionBasicsFields } from './definition-basics-fields';
import { DefinitionScheduleFields } from './definition-schedule-fields';
import { DefinitionScopeFields, scopeFromDraft, type ScopeDraft } from './definition-scope-fields';
import { ScopePreviewPanel } from './scope-preview-panel';

const FIELD_LABELS: Record<DefinitionField, string> = {
  name: 'Name',
  dueInDays: 'Due in (days)',
  closeBehaviour: 'At close',
  schedule: 'Cron expression',
  accountIds: 'Accounts',
  tiers: 'Tiers',
  minScore: 'Minimum blast-radius score',
  principalTypes: 'Principal types',
  onlyWithConflicts: 'SoD conflicts',
};

/**
 * The new-campaign form: field groups (basics, scope, schedule) beside a live preview of the
 * scope. It checks the request the way the server will and shows each problem under its field.
 */
export function CampaignDefinitionForm({ accounts }: { accounts: AccountChoice[] }) {
  const router = useRouter();
  const [scope, setScope] = useState<ScopeDraft>({ ...EMPTY_SCOPE, minScore: '0' });
  const { errors, serverError, isSaving, submitChecked } = useCheckedSubmit<DefinitionField>();
  const [isRecurring, setIsRecurring] = useState(false);
  const requestScope = scopeFromDraft(scope);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const checked = validateDefinition({
      name: String(form.get('name') ?? ''),
      dueInDays: String(form.get('dueInDays') ?? '').trim() === '' ? Number.NaN : Number(form.get('dueInDays')),
      closeBehaviour: form.get('closeBehaviour'),
      schedule: isRecurring ? String(form.get('schedule') ?? '') : null,
      scope: requestScope,
    });
    const answer = await submitChecked<{ campaignId: number | null }>(checked, '/api/campaigns', 'POST');
    if (!answer) return;
    router.push(answer.campaignId ? `/campaigns/${answer.campaignId}` : '/campaigns');
    router.refresh();
  }

  const faultyFields = DEFINITION_FIELDS.filter((field) => errors[field]);
  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      {faultyFields.length > 0 ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          Check {faultyFields.length === 1 ? 'this field' : 'these fields'}: {faultyFields.map((field) => FIELD_LABELS[field]).join(', ')}.
        </p>
      ) : null}
      {serverError ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {serverError}
        </p>
      ) : null}
      <DefinitionBasicsFields errors={errors} />
      <DefinitionScopeFields accounts={accounts} scope={scope} onChange={setScope} errors={errors} />
      <ScopePreviewPanel scope={requestScope} />
      <DefinitionScheduleFields isRecurring={isRecurring} onRecurringChange={setIsRecurring} errors={errors} />
      <button type="submit" className={primaryButtonClass} disabled={isSaving}>
        {isSaving ? 'Saving…' : isRecurring ? 'Save schedule' : 'Launch campaign'}
      </button>
    </form>
  );
}
