'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { sendJson } from './send-json';
import { cardClass, inputClass, labelClass, primaryButtonClass } from './form-styles';
import { AssignmentScopeFields, CampaignSubjectChoice, splitScopeList } from './assignment-scope-fields';

const TIER_CHOICES = ['invoke', 'agent', 'customize', 'provision', 'govern', 'build', 'read', 'unclassified'] as const;

export function CampaignDefinitionForm({ accounts }: { accounts: { id: string; name: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [isRecurring, setIsRecurring] = useState(false);
  const [subject, setSubject] = useState<'entitlements' | 'assignments'>('entitlements');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setIsSaving(true);
    setError(null);
    const result = await sendJson<{ campaignId: number | null }>('/api/campaigns', 'POST', {
      name: String(form.get('name') ?? ''),
      dueInDays: Number(form.get('dueInDays')),
      closeBehaviour: form.get('closeBehaviour'),
      schedule: isRecurring ? String(form.get('schedule') ?? '') : null,
      scope: {
        accountIds: form.getAll('accountIds').map(String),
        tiers: form.getAll('tiers').map(String),
        minScore: Number(form.get('minScore') || 0),
        principalTypes: form.getAll('principalTypes').map(String),
        onlyWithConflicts: form.get('onlyWithConflicts') === 'on',
        ...(subject === 'assignments' ? { subject, principalTypes: [], people: splitScopeList(form.get('people')), groups: splitScopeList(form.get('groups')), permissionSets: splitScopeList(form.get('permissionSets')) } : {}),
      },
    });
    setIsSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    router.push(result.data.campaignId ? `/campaigns/${result.data.campaignId}` : '/campaigns');
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="max-w-3xl space-y-6" noValidate>
      {error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      <section className={cardClass} aria-labelledby="definition-basics">
        <h2 id="definition-basics" className="text-lg font-semibold">
          Campaign
        </h2>
        <div className="mt-4 grid gap-4 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <label htmlFor="campaign-name" className={labelClass}>
              Name
            </label>
            <input id="campaign-name" name="name" required minLength={3} className={inputClass} placeholder="Q3 Bedrock access review" />
          </div>
          <div>
            <label htmlFor="campaign-due" className={labelClass}>
              Due in (days)
            </label>
            <input id="campaign-due" name="dueInDays" type="number" min={1} max={365} defaultValue={14} required className={inputClass} />
          </div>
          <fieldset>
            <legend className={labelClass}>At close, undecided items are</legend>
            <div className="mt-1 space-y-1 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="closeBehaviour" value="report" defaultChecked /> Reported as not certified
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="closeBehaviour" value="revoke" /> Revoked (revocation requests are created)
              </label>
            </div>
          </fieldset>
        </div>
      </section>

      <section className={cardClass} aria-labelledby="definition-scope">
        <h2 id="definition-scope" className="text-lg font-semibold">
          Scope
        </h2>
        <p className="mt-1 text-sm text-slate-600">Leave a group empty to include everything. Items are the Bedrock entitlements of the latest published snapshot.</p>
        <div className="mt-4 grid gap-6 sm:grid-cols-2">
          <CampaignSubjectChoice subject={subject} onChange={setSubject} />
          {subject === 'assignments' ? <AssignmentScopeFields /> : null}
          <fieldset>
            <legend className={labelClass}>Accounts</legend>
            <div className="mt-1 max-h-48 space-y-1 overflow-y-auto text-sm">
              {accounts.length === 0 ? <p className="text-slate-600">No accounts scanned yet.</p> : null}
              {accounts.map((account) => (
                <label key={account.id} className="flex items-center gap-2">
                  <input type="checkbox" name="accountIds" value={account.id} /> {account.name} <span className="text-slate-600">({account.id})</span>
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className={labelClass}>Tiers (entitlements holding any of)</legend>
            <div className="mt-1 grid grid-cols-2 gap-1 text-sm">
              {TIER_CHOICES.map((tier) => (
                <label key={tier} className="flex items-center gap-2">
                  <input type="checkbox" name="tiers" value={tier} /> {tier}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset hidden={subject === 'assignments'}>
            <legend className={labelClass}>Principal types</legend>
            <div className="mt-1 space-y-1 text-sm">
              <label className="flex items-center gap-2">
                <input type="checkbox" name="principalTypes" value="user" /> IAM users
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" name="principalTypes" value="role" /> IAM roles
              </label>
            </div>
          </fieldset>
          <div className="space-y-4">
            <div>
              <label htmlFor="campaign-min-score" className={labelClass}>
                Minimum blast-radius score
              </label>
              <input id="campaign-min-score" name="minScore" type="number" min={0} max={100} defaultValue={0} className={inputClass} />
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="onlyWithConflicts" /> Only principals with SoD conflicts
            </label>
          </div>
        </div>
      </section>

      <section className={cardClass} aria-labelledby="definition-schedule">
        <h2 id="definition-schedule" className="text-lg font-semibold">
          Schedule
        </h2>
        <fieldset className="mt-3">
          <legend className="sr-only">Schedule</legend>
          <div className="space-y-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="scheduleKind" value="once" checked={!isRecurring} onChange={() => setIsRecurring(false)} /> One-off: launch now
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="scheduleKind" value="recurring" checked={isRecurring} onChange={() => setIsRecurring(true)} /> Recurring (cron expression)
            </label>
          </div>
        </fieldset>
        {isRecurring ? (
          <div className="mt-3 max-w-sm">
            <label htmlFor="campaign-schedule" className={labelClass}>
              Cron expression
            </label>
            <input id="campaign-schedule" name="schedule" defaultValue="0 6 1 1,4,7,10 *" className={`${inputClass} font-mono`} aria-describedby="campaign-schedule-help" />
            <p id="campaign-schedule-help" className="mt-1 text-xs text-slate-600">
              Quarterly: <code>0 6 1 1,4,7,10 *</code> (06:00 on the first day of each quarter). The worker launches it.
            </p>
          </div>
        ) : null}
      </section>

      <button type="submit" className={primaryButtonClass} disabled={isSaving}>
        {isSaving ? 'Saving…' : isRecurring ? 'Save schedule' : 'Launch campaign'}
      </button>
    </form>
  );
}
