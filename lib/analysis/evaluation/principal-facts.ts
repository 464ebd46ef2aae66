import { globToRegExp } from '../catalogue/wildcard';
import { parsePolicy, type ParsedCondition } from '../policy/parse-policy';
import { PRINCIPAL_ORG_PATHS, PRINCIPAL_TAG_PREFIX } from '../policy/principal-fact-keys';
import type { DecidedCondition, OrganizationFacts, PolicyDocumentSource, PrincipalFacts } from '../types';

/**
 * Condition keys whose values are facts of the calling principal, which the snapshot knows:
 * AWS fills them in from the caller's identity at request time, so a condition on them can be
 * decided per principal without a request. Everything else (the request, the network, the
 * session) stays unknowable and keeps a grant conditional.
 *
 * Key names compare case-insensitively (AWS: "condition key names are not case-sensitive");
 * values compare as each operator says.
 */

/** What the snapshot says about one condition key for one principal. */
export type KeyFact =
  /** `values` null: the key is absent from every request of this principal. */
  | { kind: 'known'; values: string[] | null; isMultivalued: boolean }
  /** A principal-fact key that cannot be decided for this principal, and why. */
  | { kind: 'unknown'; reason: string };

export interface PrincipalContext {
  /** The fact for a lower-cased key; undefined when the key is not a fact of the principal. */
  factFor(key: string): KeyFact | undefined;
}

const ORG_PATHS = PRINCIPAL_ORG_PATHS;

/**
 * Whether the role's trust policy lets whoever assumes it pass session tags (`sts:TagSession`):
 * a session tag overrides the role's tag of the same key, so the role's tags do not decide
 * `aws:PrincipalTag`. Null when the trust policy cannot be read.
 */
export function trustAllowsSessionTags(trustPolicy: PolicyDocumentSource): boolean | null {
  try {
    const parsed = parsePolicy(trustPolicy, 'trust');
    return parsed.statements.some((statement) => {
      if (statement.effect !== 'Allow') return false;
      if (statement.actions) return statement.actions.some((pattern) => globToRegExp(pattern, true).test('sts:TagSession'));
      return !(statement.notActions ?? []).some((pattern) => globToRegExp(pattern, true).test('sts:TagSession'));
    });
  } catch {
    return null;
  }
}

function isWellFormedArn(principal: PrincipalFacts): boolean {
  const match = /^arn:aws[a-z-]*:iam::(\d{12}):(user|role)\//.exec(principal.arn);
  return match !== null && match[1] === principal.accountId && match[2] === principal.type;
}

/**
 * The principal-fact context of one principal. `organization` is the snapshot's organisation
 * data (null when only authorization-details files were imported: org keys stay unknown).
 */
export function createPrincipalContext(principal: PrincipalFacts, organization: OrganizationFacts | null): PrincipalContext {
  const known = (value: string | null): KeyFact => ({ kind: 'known', values: value === null ? null : [value], isMultivalued: false });
  const account = organization?.accounts.find((candidate) => candidate.id === principal.accountId) ?? null;
  const tags = new Map(Object.entries(principal.tags).map(([key, value]) => [key.toLowerCase(), value]));
  let sessionTags: boolean | null | undefined;
  const facts = new Map<string, KeyFact>([
    // A malformed ARN (`arn:aws:iam::aws:user/NAME` in redacted exports) is not what AWS would see.
    ['aws:principalarn', isWellFormedArn(principal) ? known(principal.arn) : { kind: 'unknown', reason: "the principal's ARN in the snapshot does not name its account" }],
    ['aws:principalaccount', known(principal.accountId)],
    ['aws:principaltype', known(principal.type === 'user' ? 'User' : 'AssumedRole')],
    // AWS: present for IAM users only; role sessions and the root user do not carry it.
    ['aws:username', known(principal.type === 'user' ? principal.name : null)],
    [
      'aws:userid',
      principal.type === 'user' && principal.id
        ? known(principal.id)
        : { kind: 'unknown', reason: principal.type === 'role' ? 'aws:userid of a role session is role-id:session-name, and the session name is chosen at assumption' : 'the user id is not in the snapshot' },
    ],
    ['aws:principalisawsservice', known('false')],
    ['aws:principalservicename', known(null)],
  ]);
  if (!organization) {
    facts.set('aws:principalorgid', { kind: 'unknown', reason: 'no organisation data was imported' });
    facts.set(ORG_PATHS, { kind: 'unknown', reason: 'no organisation data was imported' });
  } else if (!account || !organization.id) {
    const reason = !organization.id ? 'the organisation id is not in the snapshot' : 'the account is not in the organisation data';
    facts.set('aws:principalorgid', { kind: 'unknown', reason });
    facts.set(ORG_PATHS, { kind: 'unknown', reason });
  } else {
    facts.set('aws:principalorgid', known(organization.id));
    // AWS: `o-id/r-root/ou-.../ou-.../` (the account itself is not part of the path).
    facts.set(ORG_PATHS, account.ouPath.length === 0 ? { kind: 'unknown', reason: 'the account\'s organisational path is not in the snapshot' } : { kind: 'known', values: [`${organization.id}/${account.ouPath.map((level) => level.id).join('/')}/`], isMultivalued: true });
  }

  return {
    factFor(key) {
      const lower = key.toLowerCase();
      const fact = facts.get(lower);
      if (fact) return fact;
      if (!lower.startsWith(PRINCIPAL_TAG_PREFIX)) return undefined;
      if (principal.type === 'role') {
        sessionTags ??= trustAllowsSessionTags(principal.trustPolicy);
        if (sessionTags !== false) {
          return { kind: 'unknown', reason: sessionTags === null ? 'the role\'s trust policy could not be read, so session tags cannot be ruled out' : 'the role\'s trust policy allows sts:TagSession: a session tag can override the role\'s own tag' };
        }
      }
      const value = tags.get(lower.slice(PRINCIPAL_TAG_PREFIX.length));
      return known(value ?? null);
    },
  };
}

export type Truth = 'true' | 'false' | 'unknown';

/** `ForAnyValue:StringLikeIfExists` -> { set: 'ForAnyValue', base: 'StringLike', ifExists: true }. */
export function splitOperator(operator: string): { set: 'ForAnyValue' | 'ForAllValues' | null; base: string; ifExists: boolean } {
  const colon = operator.indexOf(':');
  const prefix = colon >= 0 ? operator.slice(0, colon).toLowerCase() : null;
  const rest = colon >= 0 ? operator.slice(colon + 1) : operator;
  const ifExists = rest.toLowerCase().endsWith('ifexists');
  return {
    set: prefix === 'foranyvalue' ? 'ForAnyValue' : prefix === 'forallvalues' ? 'ForAllValues' : null,
    base: ifExists ? rest.slice(0, -'IfExists'.length) : rest,
    ifExists,
  };
}

const NEGATED = new Set(['stringnotequals', 'stringnotequalsignorecase', 'stringnotlike', 'numericnotequals', 'datenotequals', 'notipaddress', 'arnnotequals', 'arnnotlike']);

/** ARNs compare segment by segment (six, the last keeps its colons), each a case-sensitive glob. */
function matchesArn(pattern: string, value: string): boolean {
  const split = (text: string): string[] | null => {
    const parts = text.split(':');
    if (parts.length < 6) return null;
    return [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const patternParts = split(pattern);
  const valueParts = split(value);
  if (!patternParts || !valueParts) return false;
  return patternParts.every((part, index) => globToRegExp(part, false).test(valueParts[index]));
}

function toNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

function toDate(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : time;
}

function compareWith(parse: (text: string) => number | null, value: string, policyValue: string, test: (left: number, right: number) => boolean): boolean {
  const left = parse(value);
  const right = parse(policyValue);
  return left !== null && right !== null && test(left, right);
}

/** The positive form of a base operator on one context value and one policy value; null for an operator we do not know. */
function positiveMatch(base: string, value: string, policyValue: string): boolean | null {
  switch (base) {
    case 'stringequals':
    case 'stringnotequals':
      return value === policyValue;
    case 'stringequalsignorecase':
    case 'stringnotequalsignorecase':
      return value.toLowerCase() === policyValue.toLowerCase();
    case 'stringlike':
    case 'stringnotlike':
      return globToRegExp(policyValue, false).test(value);
    case 'arnequals':
    case 'arnlike':
    case 'arnnotequals':
    case 'arnnotlike':
      return matchesArn(policyValue, value);
    case 'numericequals':
    case 'numericnotequals':
      return compareWith(toNumber, value, policyValue, (left, right) => left === right);
    case 'numericlessthan':
      return compareWith(toNumber, value, policyValue, (left, right) => left < right);
    case 'numericlessthanequals':
      return compareWith(toNumber, value, policyValue, (left, right) => left <= right);
    case 'numericgreaterthan':
      return compareWith(toNumber, value, policyValue, (left, right) => left > right);
    case 'numericgreaterthanequals':
      return compareWith(toNumber, value, policyValue, (left, right) => left >= right);
    case 'dateequals':
    case 'datenotequals':
      return compareWith(toDate, value, policyValue, (left, right) => left === right);
    case 'datelessthan':
      return compareWith(toDate, value, policyValue, (left, right) => left < right);
    case 'datelessthanequals':
      return compareWith(toDate, value, policyValue, (left, right) => left <= right);
    case 'dategreaterthan':
      return compareWith(toDate, value, policyValue, (left, right) => left > right);
    case 'dategreaterthanequals':
      return compareWith(toDate, value, policyValue, (left, right) => left >= right);
    case 'bool':
      return value.toLowerCase() === policyValue.toLowerCase();
    case 'binaryequals':
      return value === policyValue;
    case 'ipaddress':
    case 'notipaddress':
      // No principal fact is an IP address: nothing matches.
      return false;
    default:
      return null;
  }
}

/** One context value against the policy values: any matches (positive), none matches (negated). */
function valueMatches(base: string, value: string, policyValues: string[]): boolean | null {
  let isAnyMatched = false;
  for (const policyValue of policyValues) {
    const matched = positiveMatch(base, value, policyValue);
    if (matched === null) return null;
    if (matched) isAnyMatched = true;
  }
  return NEGATED.has(base) ? !isAnyMatched : isAnyMatched;
}

/**
 * Decides one condition against a known fact, as AWS defines the operators: a missing key fails
 * a positive operator and satisfies a negated one, `...IfExists` and `ForAllValues` are
 * satisfied by a missing key, `ForAnyValue` is not; `Null` tests presence; a single-valued
 * operator on a multivalued key (`aws:PrincipalOrgPaths`) does not match (a set operator is
 * required). A policy variable (`${...}`) in a value leaves the condition undecided.
 */
export function decideCondition(condition: ParsedCondition, fact: KeyFact): Truth {
  if (fact.kind === 'unknown') return 'unknown';
  const { set, base: rawBase, ifExists } = splitOperator(condition.operator);
  const base = rawBase.toLowerCase();
  const values = fact.values;
  if (base === 'null') {
    const wantsAbsent = condition.values.some((value) => value.toLowerCase() === 'true');
    return (values === null) === wantsAbsent ? 'true' : 'false';
  }
  if (condition.values.some((value) => value.includes('${'))) return 'unknown';
  if (values === null) {
    if (set === 'ForAnyValue') return 'false';
    if (set === 'ForAllValues') return 'true';
    return ifExists || NEGATED.has(base) ? 'true' : 'false';
  }
  if (set === null) {
    if (fact.isMultivalued) return 'false';
    const matched = valueMatches(base, values[0], condition.values);
    return matched === null ? 'unknown' : matched ? 'true' : 'false';
  }
  const results = values.map((value) => valueMatches(base, value, condition.values));
  if (results.some((result) => result === null)) return 'unknown';
  const holds = set === 'ForAnyValue' ? results.some(Boolean) : results.every(Boolean);
  return holds ? 'true' : 'false';
}

/** How a condition decided for a principal is described (the principal's own values are left out: results are shared). */
export function describeDecidedCondition(decided: Pick<DecidedCondition, 'operator' | 'key' | 'values' | 'holds'>): string {
  const { set, base: rawBase } = splitOperator(decided.operator);
  const base = rawBase.toLowerCase();
  const listed = decided.values.join(' or ');
  const isNegated = NEGATED.has(base);
  // What the positive form of the operator says, and its opposite.
  let positive: string;
  let negative: string;
  if (base === 'null') {
    const wantsAbsent = decided.values.some((value) => value.toLowerCase() === 'true');
    const absent = `${decided.key} is absent`;
    const present = `${decided.key} is present`;
    return decided.holds === wantsAbsent ? absent : present;
  } else if (base.includes('like') || base.startsWith('arn')) {
    positive = `matches ${listed}`;
    negative = `does not match ${listed}`;
  } else if (base.includes('greaterthan') || base.includes('lessthan')) {
    const relation = `${base.includes('greater') ? 'greater' : 'less'} than ${base.endsWith('equals') ? 'or equal to ' : ''}`;
    positive = `is ${relation}${listed}`;
    negative = `is not ${relation}${listed}`;
  } else {
    positive = `is ${listed}`;
    negative = `is not ${listed}`;
  }
  // The statement's operator as the principal met it: holds keeps the operator's own sense.
  const saysPositive = decided.holds !== isNegated;
  if (set === 'ForAnyValue') {
    if (!isNegated) return decided.holds ? `a value of ${decided.key} ${positive}` : `no value of ${decided.key} ${positive}`;
    return decided.holds ? `a value of ${decided.key} ${negative}` : `every value of ${decided.key} ${positive}`;
  }
  if (set === 'ForAllValues') {
    if (!isNegated) return decided.holds ? `every value of ${decided.key} ${positive}` : `a value of ${decided.key} ${negative}`;
    return decided.holds ? `no value of ${decided.key} ${positive}` : `a value of ${decided.key} ${positive}`;
  }
  return `${decided.key} ${saysPositive ? positive : negative}`;
}
