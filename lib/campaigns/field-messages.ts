import type { z } from 'zod';

/**
 * A form's problems as one plain sentence per field, from the issues its request schema found: the
 * first issue of a field decides, and issues of no form field (the schema has none) are dropped.
 */
export function messagesByField<Field extends string>(issues: readonly z.core.$ZodIssue[], fieldOf: (path: readonly PropertyKey[]) => Field | null, messages: Record<Field, string>): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    if (field && !errors[field]) errors[field] = messages[field];
  }
  return errors;
}
