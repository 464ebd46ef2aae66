/**
 * Nobody certifies their own access. A principal is the reviewer's own when:
 * 1. one of its identity tags (`email`, `mail`, `user`, `username`, `user-email`, `person`,
 *    `employee`, `identity`, `login`; any case, `-`/`_`/`:` ignored) names the reviewer: their
 *    email or its local part;
 * 2. it is an IAM user whose name identifies the reviewer: the name is their email or its local
 *    part, or its first word (split on `.`, `-`, `_`, `+`, `@`) is the first word of the local
 *    part, three letters or more: `sofia.ml`, `sofia_rossi` and `sofia-bot` are Sofia's
 *    (sofia@ or sofia.rossi@). An IAM user is a standing identity: one named after a person is
 *    that person's, and a false match only sends the item to the fallback reviewer;
 * 3. it is an IAM user owned by the reviewer (`owner` tag) that signs in to the console: a
 *    console password is a person's login, and the owner of a person's login is that person.
 * A role owned by the reviewer is not their own access: owners certify the roles they own. The
 * `owner` tag alone never makes a role self-review.
 */

export interface SelfReviewSubject {
  type: 'user' | 'role';
  name: string;
  /** The `owner` tag (the reviewer the rule picks first). */
  ownerTag?: string | null;
  /** The `email` tag; kept apart because campaign items store it. */
  emailTag?: string | null;
  /** Every tag of the principal, for the identity tags of rule 1. */
  tags?: Readonly<Record<string, string>>;
  /** Users only: whether the user has a console password (null or absent: unknown). */
  hasConsolePassword?: boolean | null;
}

const IDENTITY_TAG_KEYS = new Set(['email', 'mail', 'emailaddress', 'user', 'username', 'useremail', 'person', 'employee', 'identity', 'login']);
const WORD_SEPARATORS = /[._+\-@]/;
const MIN_FIRST_WORD = 3;

const normalise = (value: string) => value.trim().toLowerCase();
const normaliseKey = (key: string) => key.toLowerCase().replace(/[-_:\s]/g, '');

function namesReviewer(value: string, reviewer: string, localPart: string): boolean {
  const text = normalise(value);
  return text === reviewer || text === localPart;
}

function nameIdentifies(name: string, reviewer: string, localPart: string): boolean {
  if (namesReviewer(name, reviewer, localPart)) return true;
  const nameWord = normalise(name).split(WORD_SEPARATORS)[0];
  const reviewerWord = localPart.split(WORD_SEPARATORS)[0];
  return reviewerWord.length >= MIN_FIRST_WORD && nameWord === reviewerWord;
}

/** See the module comment for the rule. */
export function isSelfReview(subject: SelfReviewSubject, reviewerEmail: string): boolean {
  const reviewer = normalise(reviewerEmail);
  if (!reviewer) return false;
  const localPart = reviewer.split('@')[0];
  const identityTags = Object.entries(subject.tags ?? {})
    .filter(([key]) => IDENTITY_TAG_KEYS.has(normaliseKey(key)))
    .map(([, value]) => value);
  if (subject.emailTag) identityTags.push(subject.emailTag);
  if (identityTags.some((value) => namesReviewer(value, reviewer, localPart))) return true;
  if (subject.type !== 'user') return false;
  if (nameIdentifies(subject.name, reviewer, localPart)) return true;
  return subject.hasConsolePassword === true && subject.ownerTag !== null && subject.ownerTag !== undefined && normalise(subject.ownerTag) === reviewer;
}
