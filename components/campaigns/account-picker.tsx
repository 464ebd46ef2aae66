'use client';

import { useId, useState } from 'react';
import { inputClass, labelClass, secondaryButtonClass } from './form-styles';
import { describedGroup, FieldError } from './field-error';

export interface AccountChoice {
  id: string;
  name: string;
}

function matchesSearch(account: AccountChoice, search: string): boolean {
  const text = search.trim().toLowerCase();
  return text === '' || account.name.toLowerCase().includes(text) || account.id.includes(text);
}

/**
 * Every account by name and id, searchable, with "select all shown" (what the search shows) and
 * "clear". Choosing none means every account, which the line under the legend says.
 */
export function AccountPicker({ accounts, selected, onChange, error }: { accounts: readonly AccountChoice[]; selected: readonly string[]; onChange: (accountIds: string[]) => void; error?: string }) {
  const [search, setSearch] = useState('');
  const searchId = useId();
  const shown = accounts.filter((account) => matchesSearch(account, search));
  const selectedSet = new Set(selected);
  const allShownSelected = shown.length > 0 && shown.every((account) => selectedSet.has(account.id));

  function toggle(accountId: string, isChecked: boolean) {
    onChange(isChecked ? [...selected, accountId] : selected.filter((id) => id !== accountId));
  }
  function selectShown() {
    onChange([...new Set([...selected, ...shown.map((account) => account.id)])]);
  }

  return (
    <fieldset className="min-w-0" {...describedGroup('campaign-accounts-error', error, 'campaign-accounts-summary')}>
      <legend className={labelClass}>Accounts</legend>
      <p id="campaign-accounts-summary" className="mt-0.5 text-xs text-slate-700" data-testid="account-picker-summary">
        {selected.length === 0 ? `None chosen: all ${accounts.length} accounts are in scope.` : `${selected.length} of ${accounts.length} accounts chosen.`}
      </p>
      {accounts.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">No accounts scanned yet.</p>
      ) : (
        <>
          <label htmlFor={searchId} className="sr-only">
            Search accounts
          </label>
          <input id={searchId} type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Search by account name or id" className={inputClass} />
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="button" className={secondaryButtonClass} onClick={selectShown} disabled={allShownSelected}>
              {search.trim() ? `Select the ${shown.length} shown` : 'Select all'}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => onChange([])} disabled={selected.length === 0}>
              Clear
            </button>
          </div>
          <div className="mt-2 max-h-56 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
            {shown.length === 0 ? <p className="text-slate-700">No account matches “{search.trim()}”.</p> : null}
            {shown.map((account) => (
              <label key={account.id} className="flex items-start gap-2">
                <input type="checkbox" name="accountIds" value={account.id} checked={selectedSet.has(account.id)} onChange={(event) => toggle(account.id, event.target.checked)} className="mt-1" />
                <span className="min-w-0 break-words">
                  {account.name} <span className="font-mono text-xs text-slate-700">({account.id})</span>
                </span>
              </label>
            ))}
          </div>
        </>
      )}
      <FieldError id="campaign-accounts-error" message={error} />
    </fieldset>
  );
}
