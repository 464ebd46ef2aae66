import { SelectField, TextField } from './filter-bar';

/** The account filter of a list page: a select while the organisation is small, else free text (id or exact name). */
export function AccountFilterField({ value, accounts }: { value: string | undefined; accounts: Array<{ id: string; name: string }> | null }) {
  if (!accounts) return <TextField name="account" label="Account" value={value} placeholder="Account id or exact name" className="w-52" />;
  return <SelectField name="account" label="Account" value={value} allLabel="All accounts" options={accounts.map((account) => ({ value: account.id, label: `${account.name} (${account.id})` }))} />;
}
