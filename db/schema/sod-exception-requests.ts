import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { idColumn, requestedStamp } from './columns';
import { severityColumn } from './snapshot';
import { exceptionSubject, exceptionTerms } from './sod';
import { SOD_EXCEPTION_REQUEST_STATUSES } from '../../lib/conflicts/exception-approval';

/**
 * An exception an admin asked for that needs a second admin before it applies (a critical
 * conflict while four-eyes is on). Kept apart from `sod_exceptions` so nothing that reads
 * active exceptions can mistake a pending request for one; approval inserts the exception.
 */
export const sodExceptionRequests = sqliteTable(
  'sod_exception_requests',
  {
    id: idColumn(),
    conflictId: integer('conflict_id').notNull(),
    ...exceptionSubject(),
    severity: severityColumn(),
    ...exceptionTerms(),
    ...requestedStamp(),
    status: text('status', { enum: SOD_EXCEPTION_REQUEST_STATUSES }).notNull().default('pending'),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    /** The `sod_exceptions` row the approval created. */
    exceptionId: integer('exception_id'),
  },
  (table) => [index('sod_exception_requests_rule_principal_idx').on(table.ruleId, table.principalArn, table.status)],
);

export type SodExceptionRequest = typeof sodExceptionRequests.$inferSelect;
