/**
 * Turns the problems zod finds in a campaign definition into one plain sentence per form field,
 * so the form shows each next to its field ("Give the campaign a name of at least 3 characters"),
 * never a field path such as `scope.minScore: Too small`.
 */
import type { z } from 'zod';
import { campaignDefinitionRequestSchema } from './request-schemas';
import { cronExpressionProblem } from './timing';
import { messagesByField } from './field-messages';

export const DEFINITION_FIELDS = ['name', 'dueInDays', 'closeBehaviour', 'schedule', 'accountIds', 'tiers', 'minScore', 'principalTypes', 'onlyWithConflicts'] as const;
export type DefinitionField = (typeof DEFINITION_FIELDS)[number];
export type DefinitionFieldErrors = Partial<Record<DefinitionField, string>>;

const MESSAGES: Record<DefinitionField, string> = {
  name: 'Give the campaign a name of 3 to 120 characters.',
  dueInDays: 'Enter a whole number of days from 1 to 365.',
  closeBehaviour: 'Choose what happens to undecided items at close.',
  schedule: 'Enter a cron expression, for example 0 6 1 1,4,7,10 * for quarterly.',
  accountIds: 'Choose accounts from the list.',
  tiers: 'Choose tiers from the list.',
  minScore: 'Enter a whole number from 0 to 100.',
  principalTypes: 'Choose IAM users, IAM roles or both.',
  onlyWithConflicts: 'Tick or untick this box.',
};

function fieldOf(path: readonly PropertyKey[]): DefinitionField | null {
  const [first, second] = path;
  const key = first === 'scope' ? second : first;
  return typeof key === 'string' && (DEFINITION_FIELDS as readonly string[]).includes(key) ? (key as DefinitionField) : null;
}


/**
 * Validates a definition the way the server will (the request schema, then the cron expression
 * the worker reads): the parsed request, or the message of each field at fault.
 */
export function validateDefinition(input: unknown): { ok: true; value: z.infer<typeof campaignDefinitionRequestSchema> } | { ok: false; errors: DefinitionFieldErrors } {
  const parsed = campaignDefinitionRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: messagesByField(parsed.error.issues, fieldOf, MESSAGES) };
  const schedule = parsed.data.schedule?.trim();
  if (schedule) {
    const problem = cronExpressionProblem(schedule);
    if (problem) return { ok: false, errors: { schedule: `This cron expression cannot be read (${problem}). ${MESSAGES.schedule}` } };
  }
  return { ok: true, value: parsed.data };
}
