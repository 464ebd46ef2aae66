import type { z } from 'zod';

/** What each request field is called in a sentence; other fields are named from their key. */
const FIELD_NAMES: Record<string, string> = {
  justification: 'the justification',
  note: 'the note',
  delegateTo: 'the person to delegate to',
  keepUntil: 'the keep-until date',
  version: 'the item version',
  items: 'the selection',
  kind: 'the decision',
  decision: 'the decision',
  dueInDays: 'the number of days to decide',
  closeBehaviour: 'what happens at close',
  ownerEmail: "the owner's email",
  accountId: 'the account id',
  pathPrefix: 'the path prefix',
  namePattern: 'the name pattern',
  expiresOn: 'the expiry date',
};

function fieldName(path: readonly PropertyKey[]): string {
  const key = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  if (!key) return 'the request';
  return FIELD_NAMES[key] ?? `the ${key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** A schema's own message (written for people) rather than one of zod's defaults. */
function isOwnMessage(message: string): boolean {
  return !/^(Invalid|Too (small|big)|Expected|Required)/.test(message);
}

function unit(origin: string | undefined, count: number): string {
  if (origin === 'string') return count === 1 ? 'character' : 'characters';
  if (origin === 'array' || origin === 'set') return count === 1 ? 'entry' : 'entries';
  return '';
}

/**
 * One validation problem in plain words, never a field path: `decision.justification: …` becomes
 * "The justification needs at least 3 characters." Messages a schema wrote itself are kept,
 * prefixed with the field's name when they are a fragment ("must be a date (YYYY-MM-DD)").
 */
export function describeRequestIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path);
  if (isOwnMessage(issue.message)) {
    return /^(must|should|is|needs|at least|at most)\b/.test(issue.message) ? sentence(`${field} ${issue.message}`) : sentence(issue.message);
  }
  switch (issue.code) {
    case 'invalid_type':
      return sentence(/received undefined$/.test(issue.message) ? `${field} is missing` : `${field} is not in the expected form (${issue.expected})`);
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string' && minimum <= 1) return sentence(`${field} is required`);
      const what = unit(issue.origin, minimum);
      return sentence(what ? `${field} needs at least ${minimum} ${what}` : `${field} must be at least ${minimum}`);
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      const what = unit(issue.origin, maximum);
      return sentence(what ? `${field} can have at most ${maximum} ${what}` : `${field} must be at most ${maximum}`);
    }
    case 'invalid_format':
      return sentence(issue.format === 'email' ? `${field} must be an email address` : `${field} is not in the expected form`);
    case 'invalid_value':
      return sentence(`${field} must be one of: ${issue.values.map(String).join(', ')}`);
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : [];
      return sentence(options.length > 0 ? `${field} must be one of: ${options.join(', ')}` : `${field} is not in the expected form`);
    }
    default:
      return sentence(`${field} is not valid`);
  }
}

/** Every problem of a refused request body, in plain sentences (duplicates once). */
export function describeRequestIssues(issues: readonly z.core.$ZodIssue[]): string {
  return [...new Set(issues.map(describeRequestIssue))].join(' ');
}
