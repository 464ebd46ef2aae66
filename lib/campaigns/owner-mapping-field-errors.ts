/**
 * The owner-mapping form's problems in plain words, one per field, from the request schema the
 * route uses (never `accountId: must be ...` paths).
 */
import type { z } from 'zod';
import { ownerMappingRequestSchema } from './request-schemas';
import { messagesByField } from './field-messages';

export const OWNER_MAPPING_FIELDS = ['priority', 'accountId', 'pathPrefix', 'namePattern', 'groupName', 'permissionSetName', 'ownerEmail'] as const;
export type OwnerMappingField = (typeof OWNER_MAPPING_FIELDS)[number];
export type OwnerMappingFieldErrors = Partial<Record<OwnerMappingField, string>>;

const MESSAGES: Record<OwnerMappingField, string> = {
  priority: 'Enter a whole number from 0 to 100000; lower numbers are tried first.',
  accountId: 'Enter a 12-digit AWS account id, or leave it empty for any account.',
  pathPrefix: 'Start the path with /, for example /data-science/, or leave it empty.',
  namePattern: 'Keep the name pattern under 128 characters.',
  groupName: 'Keep the Identity Center group name under 128 characters.',
  permissionSetName: 'A permission set name has at most 32 characters.',
  ownerEmail: 'Enter the reviewer’s email address, for example maya@example.com.',
};

function fieldOf([key]: readonly PropertyKey[]): OwnerMappingField | null {
  return (OWNER_MAPPING_FIELDS as readonly PropertyKey[]).includes(key) ? (key as OwnerMappingField) : null;
}

export function validateOwnerMapping(input: unknown): { ok: true; value: z.infer<typeof ownerMappingRequestSchema> } | { ok: false; errors: OwnerMappingFieldErrors } {
  const parsed = ownerMappingRequestSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: messagesByField(parsed.error.issues, fieldOf, MESSAGES) };
}
