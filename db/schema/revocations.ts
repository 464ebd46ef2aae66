import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { idColumn, principalReference, requestedStamp } from './columns';
import { REVOCATION_STATUSES } from '../../lib/revocations/statuses';

// The status list lives in lib/ (pure); the schema takes it from there.
export { REVOCATION_STATUSES, type RevocationStatus } from '../../lib/revocations/statuses';

/** A request to remove one entitlement, its plan, and what happened when it ran. */
export const revocations = sqliteTable(
  'revocations',
  {
    id: idColumn(),
    status: text('status', { enum: REVOCATION_STATUSES }).notNull(),
    origin: text('origin', { enum: ['decision', 'admin', 'campaign-close'] }).notNull(),
    campaignItemId: integer('campaign_item_id'),
    ...principalReference(),
    entitlementKey: text('entitlement_key').notNull(),
    /** 'live': executed through the remediation role; 'offline': produces an AWS CLI script. */
    mode: text('mode', { enum: ['live', 'offline'] }).notNull(),
    justification: text('justification').notNull(),
    ...requestedStamp(),
    approvedBy: text('approved_by'),
    approvedAt: text('approved_at'),
    executedBy: text('executed_by'),
    executedAt: text('executed_at'),
    verifiedAt: text('verified_at'),
    /** JSON: the planned IAM calls, the expected access after, side effects. */
    plan: text('plan'),
    /** JSON: policy documents, attachments and memberships before execution, for rollback. */
    beforeState: text('before_state'),
    /** JSON: per call outcome. */
    result: text('result'),
    error: text('error'),
    script: text('script'),
    attempts: integer('attempts').notNull().default(0),
  },
  (table) => [
    index('revocations_status_idx').on(table.status),
    index('revocations_principal_idx').on(table.principalArn),
    // A campaign page counts and links the revocations its items' revoke decisions created.
    index('revocations_campaign_item_idx').on(table.campaignItemId),
  ],
);

export type Revocation = typeof revocations.$inferSelect;
