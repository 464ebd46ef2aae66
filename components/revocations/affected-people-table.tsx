'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { AffectedPerson } from '@/lib/revocations/identity-center/types';
import { DataTable } from '@/components/data-table/data-table';

type LosingPerson = AffectedPerson & { accountIds: string[] };

const columns: ColumnDef<LosingPerson, unknown>[] = [
  { id: 'person', header: 'Person', cell: ({ row }) => <span className="[overflow-wrap:anywhere]">{row.original.userName}</span> },
  { id: 'via', header: 'Via', cell: ({ row }) => <span className="text-xs [overflow-wrap:anywhere]">{row.original.via}</span> },
  { id: 'accounts', header: 'Accounts', cell: ({ row }) => <span className="font-mono text-xs [overflow-wrap:anywhere]">{row.original.accountIds.join(', ')}</span> },
];

/** The people an Identity Center change takes access from, with how they hold it and where. */
export function AffectedPeopleTable({ people }: { people: LosingPerson[] }) {
  return (
    <div>
      <h3 className="font-semibold">People who lose this access ({people.length})</h3>
      <div className="mt-1">
        <DataTable columns={columns} data={people} caption={`People who lose this access (${people.length})`} basePath="" params={{}} getRowId={(person) => person.userId} testId="identity-center-people" />
      </div>
    </div>
  );
}
