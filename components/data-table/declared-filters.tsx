import { SelectField, TextField } from './filter-bar';

/** One filter of a list page, declared as data beside the page's columns and rendered inside `FilterBar`. */
export type FilterDefinition =
  | { kind: 'select'; name: string; label: string; options: ReadonlyArray<{ value: string; label: string }>; allLabel?: string | null; className?: string }
  | { kind: 'text'; name: string; label: string; placeholder?: string; className?: string; type?: 'text' | 'search' };

/** Renders declared filters with the values currently in the URL. */
export function DeclaredFilters({ filters, values }: { filters: readonly FilterDefinition[]; values: Record<string, string | number | undefined> }) {
  return (
    <>
      {filters.map((filter) =>
        filter.kind === 'select' ? (
          <SelectField key={filter.name} name={filter.name} label={filter.label} value={values[filter.name]?.toString()} options={filter.options} allLabel={filter.allLabel} className={filter.className} />
        ) : (
          <TextField key={filter.name} name={filter.name} label={filter.label} value={values[filter.name]} placeholder={filter.placeholder} type={filter.type} className={filter.className} />
        ),
      )}
    </>
  );
}
