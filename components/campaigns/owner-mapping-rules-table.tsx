'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { OwnerMappingRuleWithWarnings } from '@/lib/campaigns/owner-mapping-warnings';
import type { OwnerMappingRule } from '@/lib/campaigns/reviewer';
import { DataTable, columnMeta } from '@/components/data-table/data-table';
import { dangerButtonClass, secondaryButtonClass } from './form-styles';
import { WarningChips } from './owner-mapping-warning-list';

const anyValue = (value: string | null) => (value ? <span className="break-all font-mono">{value}</span> : <span className="text-slate-700">any</span>);

/**
 * The stored rules in the order they are tried. Deleting asks first, on the row: "Delete rule 3?"
 * with the rule's conditions in view.
 */
export function OwnerMappingRulesTable({
  rules,
  confirmingId,
  onEdit,
  onAskDelete,
  onConfirmDelete,
  onCancelDelete,
}: {
  rules: OwnerMappingRuleWithWarnings[];
  confirmingId: number | null;
  onEdit: (rule: OwnerMappingRule) => void;
  onAskDelete: (rule: OwnerMappingRule) => void;
  onConfirmDelete: (rule: OwnerMappingRule) => void;
  onCancelDelete: () => void;
}) {
  const columns: ColumnDef<OwnerMappingRuleWithWarnings, unknown>[] = [
    { id: 'priority', header: 'Priority', meta: columnMeta({ align: 'right' }), cell: ({ row }) => row.original.priority },
    { id: 'account', header: 'Account', cell: ({ row }) => (row.original.accountId ? <span className="whitespace-nowrap font-mono">{row.original.accountId}</span> : anyValue(null)) },
    { id: 'path', header: 'Path prefix', cell: ({ row }) => anyValue(row.original.pathPrefix) },
    { id: 'pattern', header: 'Name pattern', cell: ({ row }) => anyValue(row.original.namePattern) },
    { id: 'identity-center', header: 'Group / permission set', cell: ({ row }) => anyValue([row.original.groupName ? `group ${row.original.groupName}` : null, row.original.permissionSetName ? `set ${row.original.permissionSetName}` : null].filter(Boolean).join(', ') || null) },
    { id: 'owner', header: 'Owner', cell: ({ row }) => <span className="break-all">{row.original.ownerEmail}</span> },
    { id: 'warnings', header: 'Warnings', cell: ({ row }) => <WarningChips warnings={row.original.warnings} /> },
    {
      id: 'actions',
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) =>
        confirmingId === row.original.id ? (
          <div role="group" aria-label={`Confirm deleting rule ${row.original.id}`} className="flex flex-wrap items-center gap-2">
            <span className="font-medium text-red-900">Delete rule {row.original.id}?</span>
            <button type="button" className={dangerButtonClass} onClick={() => onConfirmDelete(row.original)}>
              Yes, delete
            </button>
            <button type="button" className={secondaryButtonClass} onClick={onCancelDelete}>
              Keep it
            </button>
          </div>
        ) : (
          <div className="flex gap-2">
            <button type="button" className={secondaryButtonClass} onClick={() => onEdit(row.original)} aria-label={`Edit rule ${row.original.id}`}>
              Edit
            </button>
            <button type="button" className={dangerButtonClass} onClick={() => onAskDelete(row.original)} aria-label={`Delete rule ${row.original.id}`}>
              Delete
            </button>
          </div>
        ),
    },
  ];
  return <DataTable columns={columns} data={rules} caption="Owner-mapping rules, in the order they are tried" basePath="/settings/owner-mappings" params={{}} getRowId={(rule) => String(rule.id)} testId="owner-mapping-rules" wrapperClassName="relative" />;
}
