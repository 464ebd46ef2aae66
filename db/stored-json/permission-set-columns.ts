import { z } from 'zod';
import type { PermissionSet } from '../../lib/people/types';
import { readStoredJson } from './read-stored-json';
import type { ShapeOf } from './shape-of';

/** What `identity_center_permission_sets.policies` holds: the set's policies as Identity Center describes them. */
export type StoredPermissionSetPolicies = Pick<PermissionSet, 'inlinePolicy' | 'managedPolicies' | 'customerManagedPolicies' | 'permissionsBoundary'>;

const permissionSetPoliciesSchema = z.object({
  inlinePolicy: z.string().nullable(),
  managedPolicies: z.array(z.object({ name: z.string(), arn: z.string() })),
  customerManagedPolicies: z.array(z.object({ name: z.string(), path: z.string() })),
  permissionsBoundary: z
    .object({
      managedPolicyArn: z.string().nullable(),
      customerManagedPolicy: z.object({ name: z.string(), path: z.string() }).nullable(),
    })
    .nullable(),
} satisfies ShapeOf<StoredPermissionSetPolicies>);

/** `identity_center_permission_sets.policies` of one permission set (named by its ARN). */
export function readPermissionSetPolicies(text: string, permissionSetArn: string): StoredPermissionSetPolicies {
  return readStoredJson(permissionSetPoliciesSchema, text, { column: 'identity_center_permission_sets.policies', row: permissionSetArn });
}
