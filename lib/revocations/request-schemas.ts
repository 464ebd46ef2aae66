import { z } from 'zod';

/** POST /api/revocations: an admin's direct request on a principal's grant. */
export const revocationRequestSchema = z
  .object({
    principalId: z.number().int().positive().optional(),
    principalArn: z.string().startsWith('arn:aws:iam::').optional(),
    entitlementKey: z.string().min(1).max(2048),
    justification: z.string().trim().min(1, 'A justification is required.').max(2000),
  })
  .strict()
  .refine((body) => body.principalId !== undefined || body.principalArn !== undefined, { message: 'principalId or principalArn is required.' });

/** POST /api/revocations/:id/approve: the approver says why the plan is right. */
export const revocationApproveSchema = z.object({ comment: z.string().trim().min(1, 'An approval comment is required.').max(2000) }).strict();

export const revocationRejectSchema = z.object({ reason: z.string().trim().max(2000).default('') }).strict();

/** POST /api/revocations/assignments: an admin's request on one Identity Center assignment (#14). */
export const assignmentRevocationRequestSchema = z
  .object({
    /** The `AWSReservedSSO_*` role the assignment becomes in the account. */
    principalArn: z.string().startsWith('arn:aws:iam::').max(2048),
    /** `assignment|<userId>|<accountId>|<permissionSetArn>|direct` or `…|group:<groupId>` (lib/campaigns/assignment-items). */
    entitlementKey: z.string().startsWith('assignment|').max(2048),
    justification: z.string().trim().min(1, 'A justification is required.').max(2000),
  })
  .strict();
