'use client';

import { TIERS, type Tier } from '@/lib/analysis/types';
import type { DefinitionFieldErrors } from '@/lib/campaigns/definition-field-errors';
import { SCOPE_PRINCIPAL_TYPES, type CampaignScope } from '@/lib/campaigns/scope';
import { AccountPicker, type AccountChoice } from './account-picker';
import { inputClass, labelClass } from './form-styles';
import { describedBy, describedGroup, FieldError } from './field-error';
import { AssignmentScopeFields, CampaignSubjectChoice } from './assignment-scope-fields';
import { TitledCard } from './titled-card';

/** The scope as the form edits it: the minimum score stays text while typed. */
export type ScopeDraft = Omit<CampaignScope, 'minScore'> & { minScore: string };

const PRINCIPAL_TYPE_LABELS: Record<(typeof SCOPE_PRINCIPAL_TYPES)[number], string> = { user: 'IAM users', role: 'IAM roles' };

function toggled<Value>(list: readonly Value[], value: Value, isChecked: boolean): Value[] {
  return isChecked ? [...list, value] : list.filter((entry) => entry !== value);
}

/** Accounts, tiers, principal types, minimum score and the SoD filter (controlled: the live preview reads them). */
export function DefinitionScopeFields({ accounts, scope, onChange, errors }: { accounts: readonly AccountChoice[]; scope: ScopeDraft; onChange: (scope: ScopeDraft) => void; errors: DefinitionFieldErrors }) {
  return (
    <TitledCard headingId="definition-scope" title="Scope">
      <p className="mt-1 text-sm text-slate-700">Leave a group empty to include everything. Items are the Bedrock entitlements of the latest published snapshot.</p>
      <div className="mt-4 grid gap-6 sm:grid-cols-2">
        <CampaignSubjectChoice subject={scope.subject ?? 'entitlements'} onChange={(subject) => onChange({ ...scope, subject, principalTypes: subject === 'assignments' ? [] : scope.principalTypes })} />
        {scope.subject === 'assignments' ? <AssignmentScopeFields values={scope} onChange={(field, list) => onChange({ ...scope, [field]: list })} /> : null}
        <AccountPicker accounts={accounts} selected={scope.accountIds} onChange={(accountIds) => onChange({ ...scope, accountIds })} error={errors.accountIds} />
        <div className="space-y-6">
          <fieldset {...describedGroup('campaign-tiers-error', errors.tiers)}>
            <legend className={labelClass}>Tiers (entitlements holding any of)</legend>
            <div className="mt-1 grid grid-cols-2 gap-1 text-sm">
              {TIERS.map((tier: Tier) => (
                <label key={tier} className="flex items-center gap-2">
                  <input type="checkbox" name="tiers" value={tier} checked={scope.tiers.includes(tier)} onChange={(event) => onChange({ ...scope, tiers: toggled(scope.tiers, tier, event.target.checked) })} /> {tier}
                </label>
              ))}
            </div>
            <FieldError id="campaign-tiers-error" message={errors.tiers} />
          </fieldset>
          <fieldset hidden={scope.subject === 'assignments'} {...describedGroup('campaign-types-error', errors.principalTypes)}>
            <legend className={labelClass}>Principal types</legend>
            <div className="mt-1 space-y-1 text-sm">
              {SCOPE_PRINCIPAL_TYPES.map((type) => (
                <label key={type} className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name="principalTypes"
                    value={type}
                    checked={scope.principalTypes.includes(type)}
                    onChange={(event) => onChange({ ...scope, principalTypes: toggled(scope.principalTypes, type, event.target.checked) })}
                  />{' '}
                  {PRINCIPAL_TYPE_LABELS[type]}
                </label>
              ))}
            </div>
            <FieldError id="campaign-types-error" message={errors.principalTypes} />
          </fieldset>
          <div>
            <label htmlFor="campaign-min-score" className={labelClass}>
              Minimum blast-radius score
            </label>
            <input
              id="campaign-min-score"
              name="minScore"
              type="number"
              min={0}
              max={100}
              value={scope.minScore}
              onChange={(event) => onChange({ ...scope, minScore: event.target.value })}
              className={inputClass}
              {...describedBy('campaign-min-score-error', errors.minScore)}
            />
            <FieldError id="campaign-min-score-error" message={errors.minScore} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="onlyWithConflicts" checked={scope.onlyWithConflicts} onChange={(event) => onChange({ ...scope, onlyWithConflicts: event.target.checked })} /> Only principals with SoD conflicts
          </label>
        </div>
      </div>
    </TitledCard>
  );
}

/** The draft as the request schema reads it (an empty score is 0; anything else is checked by the schema). */
export function scopeFromDraft(draft: ScopeDraft): Omit<CampaignScope, 'minScore'> & { minScore: number } {
  return { ...draft, minScore: draft.minScore.trim() === '' ? 0 : Number(draft.minScore) };
}
