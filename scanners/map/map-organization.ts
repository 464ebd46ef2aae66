import type { AccountFacts, Environment, OrganizationFacts, OrganizationalUnitRef } from '../../lib/analysis/types';
import type { OrganizationFile } from '../raw-types';

const ENVIRONMENT_BY_TAG_VALUE: Record<string, Environment> = {
  prod: 'prod',
  production: 'prod',
  nonprod: 'nonprod',
  'non-prod': 'nonprod',
  staging: 'nonprod',
  stage: 'nonprod',
  dev: 'nonprod',
  development: 'nonprod',
  test: 'nonprod',
  qa: 'nonprod',
  sandbox: 'sandbox',
};

/** Reads a tag by key, exact spelling first, then ignoring case (`Environment`, `OWNER`). */
function readTag(tags: Record<string, string>, key: string): string | undefined {
  if (key in tags) return tags[key];
  const found = Object.keys(tags).find((candidate) => candidate.toLowerCase() === key);
  return found === undefined ? undefined : tags[found];
}

/** `prod`/`production` -> prod; `nonprod`/`staging`/`dev` (and kin) -> nonprod; `sandbox`; anything else unknown. */
export function environmentFromTag(value: string | undefined): Environment {
  if (value === undefined) return 'unknown';
  return ENVIRONMENT_BY_TAG_VALUE[value.trim().toLowerCase()] ?? 'unknown';
}

/**
 * The path from the root to `parentId`, root first. Stops at an unknown parent (a partial
 * export) or a cycle (a corrupt file) rather than looping.
 */
function resolveOuPath(parentId: string, nodes: Map<string, { name: string; parentId: string | null }>): OrganizationalUnitRef[] {
  const path: OrganizationalUnitRef[] = [];
  const visited = new Set<string>();
  let current: string | null = parentId;
  while (current !== null && !visited.has(current)) {
    visited.add(current);
    const node = nodes.get(current);
    if (!node) break;
    path.push({ id: current, name: node.name });
    current = node.parentId;
  }
  return path.reverse();
}

/**
 * Maps the organisation file to `OrganizationFacts`: every account with its OU path (root
 * first, direct parent last), environment and owner from its tags, and every SCP/RCP with its
 * targets. Pure; documents pass through as they came (JSON string or object).
 */
export function mapOrganization(file: OrganizationFile): OrganizationFacts {
  const nodes = new Map<string, { name: string; parentId: string | null }>();
  for (const root of file.roots) nodes.set(root.id, { name: root.name, parentId: null });
  for (const unit of file.organizationalUnits) nodes.set(unit.id, { name: unit.name, parentId: unit.parentId });

  const accounts: AccountFacts[] = file.accounts.map((account) => {
    const tags = { ...account.tags };
    const owner = readTag(tags, 'owner')?.trim();
    return {
      id: account.id,
      name: account.name,
      ouPath: resolveOuPath(account.parentId, nodes),
      environment: environmentFromTag(readTag(tags, 'environment')),
      ownerEmail: owner ? owner : null,
      tags,
    };
  });

  return {
    id: file.organization.id,
    managementAccountId: file.organization.managementAccountId,
    accounts,
    // Bedrock policies enforce guardrails (lib/controls); they are no SCPs and must not gate access.
    policies: file.policies.filter((policy) => policy.type !== 'BEDROCK_POLICY').map((policy) => ({
      id: policy.id,
      name: policy.name,
      kind: policy.type === 'RESOURCE_CONTROL_POLICY' ? 'rcp' : 'scp',
      document: policy.content,
      targetIds: [...policy.targetIds],
    })),
  };
}

/** Facts for an account the organisation file does not list: environment unknown, no OU path. */
export function unknownAccountFacts(accountId: string): AccountFacts {
  return { id: accountId, name: accountId, ouPath: [], environment: 'unknown', ownerEmail: null, tags: {} };
}
