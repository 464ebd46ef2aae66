import type { ConflictListQuery } from '@/lib/conflicts/search-params';
import { SEVERITIES_MOST_SEVERE_FIRST } from '@/lib/conflicts/search-params';
import { FilterBar } from '@/components/data-table/filter-bar';
import { DeclaredFilters, type FilterDefinition } from '@/components/data-table/declared-filters';

/** The SoD list's filters and grouping switch, as a GET form over the URL state. */
export function ConflictFiltersPanel({ query, ruleIds, accounts }: { query: ConflictListQuery; ruleIds: string[]; accounts: Array<{ id: string; name: string }> | null }) {
  const filters: FilterDefinition[] = [
    { kind: 'select', name: 'group', label: 'Group by', allLabel: null, options: [{ value: 'principal', label: 'Principal' }, { value: 'rule', label: 'Rule' }] },
    { kind: 'select', name: 'rule', label: 'Rule', allLabel: 'All rules', options: ruleIds.map((rule) => ({ value: rule, label: rule })), className: 'min-w-52' },
    { kind: 'select', name: 'severity', label: 'Severity', allLabel: 'Any severity', options: SEVERITIES_MOST_SEVERE_FIRST.map((severity) => ({ value: severity, label: severity })) },
    accounts
      ? { kind: 'select', name: 'account', label: 'Account', allLabel: 'All accounts', options: accounts.map((account) => ({ value: account.id, label: `${account.name} (${account.id})` })) }
      : { kind: 'text', name: 'account', label: 'Account', placeholder: 'Account id or exact name', className: 'w-52' },
    {
      kind: 'select',
      name: 'excepted',
      label: 'Exceptions',
      allLabel: 'Hide accepted exceptions',
      options: [
        { value: 'include', label: 'Include accepted exceptions' },
        { value: 'only', label: 'Only accepted exceptions' },
      ],
      className: 'min-w-56',
    },
  ];
  const values = { group: query.group, rule: query.rule, severity: query.severity, account: query.account, excepted: query.excepted === 'hide' ? undefined : query.excepted };
  return (
    <FilterBar action="/conflicts" resetHref="/conflicts" label="Filter conflicts">
      <DeclaredFilters filters={filters} values={values} />
    </FilterBar>
  );
}
