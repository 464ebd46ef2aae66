/**
 * A principal ARN as people read it: the name after the last slash and the account, e.g.
 * `arn:aws:iam::111122223333:role/service-role/deploy` -> deploy in 111122223333. Anything that is
 * not an IAM or STS ARN (a service, `*`) is its own name with no account.
 */
export function arnLabel(arn: string): { name: string; accountId: string | null } {
  const match = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (!match) return { name: arn, accountId: null };
  const [, accountId, resource] = match;
  const name = resource === 'root' ? 'account root' : resource.slice(resource.lastIndexOf('/') + 1);
  return { name, accountId };
}
