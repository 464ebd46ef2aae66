import Link from 'next/link';
import type { ReactNode } from 'react';

export const fieldClass = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-900';
export const fieldLabelClass = 'block text-xs font-semibold text-slate-700';

/**
 * Filters as a plain GET form: submitting rewrites the URL (the page is the state), works
 * without JavaScript, and resets paging. Hidden inputs keep the sort.
 */
export function FilterBar({ action, hidden, children, resetHref, label = 'Filters' }: { action: string; hidden?: Record<string, string | undefined>; children: ReactNode; resetHref: string; label?: string }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3">
      {Object.entries(hidden ?? {}).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      {children}
      <div className="flex gap-2">
        <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700">
          Apply
        </button>
        <Link href={resetHref} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
          Reset
        </Link>
      </div>
    </form>
  );
}

/** The id of a filter's control, for its label. */
function filterFieldId(name: string): string {
  return `filter-${name}`;
}

/** A filter's label above its control (the control carries `filterFieldId(name)` as its id). */
function LabelledFilter({ name, label, className, children }: { name: string; label: string; className: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={filterFieldId(name)} className={fieldLabelClass}>
        {label}
      </label>
      {children}
    </div>
  );
}

export function SelectField({ name, label, value, options, allLabel = 'All', className }: { name: string; label: string; value: string | undefined; options: ReadonlyArray<{ value: string; label: string }>; allLabel?: string | null; className?: string }) {
  return (
    <LabelledFilter name={name} label={label} className={className ?? 'min-w-36'}>
      <select id={filterFieldId(name)} name={name} defaultValue={value ?? ''} className={fieldClass}>
        {allLabel !== null ? <option value="">{allLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledFilter>
  );
}

export function TextField({ name, label, value, placeholder, type = 'text', className, min, max }: { name: string; label: string; value: string | number | undefined; placeholder?: string; type?: 'text' | 'number' | 'search'; className?: string; min?: number; max?: number }) {
  return (
    <LabelledFilter name={name} label={label} className={className ?? 'min-w-48'}>
      <input id={filterFieldId(name)} name={name} type={type} defaultValue={value ?? ''} placeholder={placeholder} min={min} max={max} className={fieldClass} />
    </LabelledFilter>
  );
}
