/**
 * A deliberately small reading of a role's trust policy, enough for the endpoint to decide
 * AssumeRole like AWS would in the cases the scanner meets:
 *
 * - some statement has `Effect: Allow`, an `Action` matching `sts:AssumeRole` (exact, `sts:*`,
 *   `sts:AssumeRole*` or `*`), and a `Principal` of `*`, `{"AWS": "*"}`, the caller's account
 *   (the bare account id or `arn:aws:iam::<caller>:root`), or the caller's own IAM ARN (the user
 *   or role behind the base credentials, or the role of an assumed session);
 * - if that statement has an `sts:ExternalId` condition (StringEquals or StringLike, exact match),
 *   the caller's ExternalId must equal it; every other condition key is ignored;
 * - an explicit Deny statement is not evaluated.
 */
export function trustsCaller(trustPolicy: unknown, caller: { accountId: string; principalArn: string }, externalId: string | undefined): boolean {
  const document = typeof trustPolicy === 'string' ? parseEncoded(trustPolicy) : trustPolicy;
  if (!isRecord(document)) return false;
  const statements = [document.Statement].flat().filter(isRecord);
  return statements.some((statement) => statement.Effect === 'Allow' && allowsAssumeRole(statement.Action) && trustsPrincipal(statement.Principal, caller) && externalIdMatches(statement.Condition, externalId));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function parseEncoded(text: string): unknown {
  try {
    return JSON.parse(text.trimStart().startsWith('{') ? text : decodeURIComponent(text)) as unknown;
  } catch {
    return null; // an unreadable trust policy trusts nobody
  }
}

function strings(value: unknown): string[] {
  return [value].flat().filter((item): item is string => typeof item === 'string');
}

function allowsAssumeRole(action: unknown): boolean {
  return strings(action).some((item) => ['*', 'sts:*', 'sts:assumerole', 'sts:assumerole*'].includes(item.toLowerCase()));
}

function trustsPrincipal(principal: unknown, caller: { accountId: string; principalArn: string }): boolean {
  if (principal === '*') return true;
  if (!isRecord(principal)) return false;
  return strings(principal.AWS).some((item) => item === '*' || item === caller.accountId || item === `arn:aws:iam::${caller.accountId}:root` || item === caller.principalArn);
}

function externalIdMatches(condition: unknown, externalId: string | undefined): boolean {
  if (!isRecord(condition)) return true;
  for (const operator of ['StringEquals', 'StringLike']) {
    const block = condition[operator];
    if (!isRecord(block)) continue;
    const expected = Object.entries(block).find(([key]) => key.toLowerCase() === 'sts:externalid')?.[1];
    if (expected !== undefined && !strings(expected).includes(externalId ?? '')) return false;
  }
  return true;
}
