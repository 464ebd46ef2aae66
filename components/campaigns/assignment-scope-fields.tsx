import { inputClass, labelClass } from './form-styles';

/** A comma- or newline-separated list typed in a scope field. */
export function splitScopeList(value: FormDataEntryValue | null): string[] {
  return String(value ?? '')
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** The subject choice of a campaign definition: IAM entitlements or Identity Center assignments (#14). */
export function CampaignSubjectChoice({ subject, onChange }: { subject: 'entitlements' | 'assignments'; onChange: (subject: 'entitlements' | 'assignments') => void }) {
  return (
    <fieldset className="sm:col-span-2">
      <legend className={labelClass}>What to certify</legend>
      <div className="mt-1 space-y-1 text-sm">
        <label className="flex items-center gap-2">
          <input type="radio" name="subject" value="entitlements" checked={subject === 'entitlements'} onChange={() => onChange('entitlements')} /> Bedrock entitlements (one item per principal and granting policy)
        </label>
        <label className="flex items-center gap-2">
          <input type="radio" name="subject" value="assignments" checked={subject === 'assignments'} onChange={() => onChange('assignments')} /> Identity Center assignments (one item per person, permission set, account and group)
        </label>
      </div>
    </fieldset>
  );
}

type AssignmentListField = 'people' | 'groups' | 'permissionSets';

/** Scope fields that only assignment campaigns have: people, groups, permission sets (controlled: the live preview reads them). */
export function AssignmentScopeFields({ values, onChange }: { values: Partial<Record<AssignmentListField, string[]>>; onChange: (field: AssignmentListField, list: string[]) => void }) {
  const fields = [
    { name: 'people', label: 'People (user names)', placeholder: 'kenji.mori@northwind.example' },
    { name: 'groups', label: 'Groups', placeholder: 'ML-Engineers, Data-Science' },
    { name: 'permissionSets', label: 'Permission sets', placeholder: 'BedrockDeveloper' },
  ] as const;
  return (
    <div className="space-y-4 sm:col-span-2">
      <p className="text-sm text-slate-600">Comma-separated; leave empty to include every person, group or permission set.</p>
      <div className="grid gap-4 sm:grid-cols-3">
        {fields.map((field) => (
          <div key={field.name}>
            <label htmlFor={`campaign-${field.name}`} className={labelClass}>
              {field.label}
            </label>
            <input
              id={`campaign-${field.name}`}
              name={field.name}
              className={inputClass}
              placeholder={field.placeholder}
              defaultValue={(values[field.name] ?? []).join(', ')}
              onChange={(event) => onChange(field.name, splitScopeList(event.target.value))}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
