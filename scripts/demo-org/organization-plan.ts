import type { OrganizationFile } from '../../scanners/raw-types';
import { hashHex } from './random';

/** What an account is for; decides which principals it gets. */
export type AccountKind = 'management' | 'security' | 'log-archive' | 'prod' | 'nonprod' | 'sandbox' | 'shared-ml';

export interface PlannedAccount {
  index: number;
  id: string;
  name: string;
  email: string;
  kind: AccountKind;
  parentId: string;
  tags: Record<string, string>;
}

export interface PlannedUnit {
  id: string;
  name: string;
  parentId: string;
}

/** The skeleton of the organisation, computed before any account so accounts can trust each other. */
export interface OrganizationPlan {
  organizationId: string;
  rootId: string;
  managementAccountId: string;
  units: PlannedUnit[];
  accounts: PlannedAccount[];
  /** The vendor's own AWS account: outside the organisation. */
  vendorAccountId: string;
  /** IAM Identity Center instance suffix shared by every SAML provider `AWSSSO_<hex>_DO_NOT_DELETE`. */
  identityCenterHex: string;
}

export const OWNER_EMAILS = ['maya@example.com', 'liam@example.com', 'sofia@example.com', 'noah@example.com', 'priya@example.com', 'ethan@example.com'] as const;

const ROOT_ID = 'r-nw01';
const UNIT_IDS = {
  security: 'ou-nw01-sec7a1b2',
  workloads: 'ou-nw01-wrk3c4d5',
  prod: 'ou-nw01-prd6e7f8',
  nonprod: 'ou-nw01-npd9a0b1',
  sharedMl: 'ou-nw01-sml2c3d4',
  sandbox: 'ou-nw01-sbx5e6f7',
} as const;

const UNITS: PlannedUnit[] = [
  { id: UNIT_IDS.security, name: 'Security', parentId: ROOT_ID },
  { id: UNIT_IDS.workloads, name: 'Workloads', parentId: ROOT_ID },
  { id: UNIT_IDS.prod, name: 'Prod', parentId: UNIT_IDS.workloads },
  { id: UNIT_IDS.nonprod, name: 'NonProd', parentId: UNIT_IDS.workloads },
  { id: UNIT_IDS.sharedMl, name: 'Shared-ML', parentId: UNIT_IDS.workloads },
  { id: UNIT_IDS.sandbox, name: 'Sandbox', parentId: ROOT_ID },
];

const PARENT_BY_KIND: Record<AccountKind, string> = {
  management: ROOT_ID,
  security: UNIT_IDS.security,
  'log-archive': UNIT_IDS.security,
  prod: UNIT_IDS.prod,
  nonprod: UNIT_IDS.nonprod,
  sandbox: UNIT_IDS.sandbox,
  'shared-ml': UNIT_IDS.sharedMl,
};

interface DemoAccountSeed {
  id: string;
  name: string;
  kind: AccountKind;
  /** Spelled the various ways real organisations tag them; undefined: no tag. */
  environment: string | undefined;
  owner: string | undefined;
  costCenter: string;
}

/** The hand-picked accounts of the committed demo. */
const DEMO_ACCOUNTS: DemoAccountSeed[] = [
  { id: '210987654321', name: 'northwind-management', kind: 'management', environment: 'prod', owner: 'noah@example.com', costCenter: 'CC-100' },
  { id: '318274650192', name: 'security-tooling', kind: 'security', environment: 'prod', owner: 'priya@example.com', costCenter: 'CC-110' },
  { id: '427381920374', name: 'log-archive', kind: 'log-archive', environment: 'production', owner: 'priya@example.com', costCenter: 'CC-110' },
  { id: '539182736450', name: 'prod-platform', kind: 'prod', environment: 'production', owner: 'liam@example.com', costCenter: 'CC-200' },
  { id: '641829374651', name: 'prod-genai-apps', kind: 'prod', environment: 'prod', owner: 'maya@example.com', costCenter: 'CC-210' },
  { id: '752930184726', name: 'staging-genai', kind: 'nonprod', environment: 'staging', owner: 'maya@example.com', costCenter: 'CC-210' },
  { id: '863019283746', name: 'dev-genai', kind: 'nonprod', environment: 'dev', owner: 'sofia@example.com', costCenter: 'CC-210' },
  { id: '974102938475', name: 'sandbox-data-science', kind: 'sandbox', environment: 'sandbox', owner: 'ethan@example.com', costCenter: 'CC-300' },
  { id: '185920374618', name: 'sandbox-hackathon', kind: 'sandbox', environment: 'sandbox', owner: undefined, costCenter: 'CC-300' },
  { id: '296031847562', name: 'shared-ml-platform', kind: 'shared-ml', environment: 'prod', owner: 'sofia@example.com', costCenter: 'CC-220' },
  { id: '307142958673', name: 'shared-ml-data', kind: 'shared-ml', environment: 'shared', owner: 'liam@example.com', costCenter: 'CC-220' },
];

const SCALE_KIND_CYCLE: AccountKind[] = ['prod', 'nonprod', 'sandbox', 'shared-ml', 'prod', 'nonprod'];
const ENVIRONMENT_BY_KIND: Record<AccountKind, string> = {
  management: 'prod',
  security: 'prod',
  'log-archive': 'prod',
  prod: 'prod',
  nonprod: 'nonprod',
  sandbox: 'sandbox',
  'shared-ml': 'prod',
};

function toPlannedAccount(seed: DemoAccountSeed, index: number): PlannedAccount {
  const tags: Record<string, string> = { 'cost-center': seed.costCenter };
  if (seed.environment !== undefined) tags.environment = seed.environment;
  if (seed.owner !== undefined) tags.owner = seed.owner;
  return { index, id: seed.id, name: seed.name, email: `aws+${seed.name}@example.com`, kind: seed.kind, parentId: PARENT_BY_KIND[seed.kind], tags };
}

/** The first three accounts of a scaled organisation, then workload accounts in a fixed rotation. */
function scaleAccountSeed(index: number): DemoAccountSeed {
  const kind: AccountKind = index === 0 ? 'management' : index === 1 ? 'security' : index === 2 ? 'log-archive' : SCALE_KIND_CYCLE[index % SCALE_KIND_CYCLE.length];
  const id = String(200000000000 + index * 100003).padStart(12, '0');
  const owner = index % 9 === 8 ? undefined : OWNER_EMAILS[index % OWNER_EMAILS.length];
  return { id, name: `${kind}-${String(index).padStart(4, '0')}`, kind, environment: ENVIRONMENT_BY_KIND[kind], owner, costCenter: `CC-${100 + (index % 40)}` };
}

/**
 * The organisation skeleton: the fixed demo (11 accounts) when `accountCount` is undefined,
 * else `accountCount` generated accounts (at least 3: management, security, log archive).
 */
export function planOrganization(accountCount?: number): OrganizationPlan {
  const seeds = accountCount === undefined ? DEMO_ACCOUNTS : Array.from({ length: Math.max(3, accountCount) }, (_, index) => scaleAccountSeed(index));
  const accounts = seeds.map(toPlannedAccount);
  return {
    organizationId: 'o-nw7k2p9x4q',
    rootId: ROOT_ID,
    managementAccountId: accounts[0].id,
    units: UNITS,
    accounts,
    vendorAccountId: '999912345678',
    identityCenterHex: hashHex('northwind-identity-center', 16),
  };
}

/** Global services kept out of the region restriction, as in AWS's published example SCP. */
const GLOBAL_SERVICE_ACTIONS = [
  'a4b:*', 'acm:*', 'aws-marketplace-management:*', 'aws-marketplace:*', 'aws-portal:*', 'budgets:*', 'ce:*', 'chime:*',
  'cloudfront:*', 'config:*', 'cur:*', 'directconnect:*', 'ec2:DescribeRegions', 'ec2:DescribeTransitGateways',
  'ec2:DescribeVpnGateways', 'fms:*', 'globalaccelerator:*', 'health:*', 'iam:*', 'importexport:*', 'kms:*',
  'mobileanalytics:*', 'networkmanager:*', 'organizations:*', 'pricing:*', 'route53:*', 'route53domains:*',
  's3:GetAccountPublic*', 's3:ListAllMyBuckets', 's3:ListMultiRegionAccessPoints', 's3:PutAccountPublic*', 'shield:*',
  'sts:*', 'support:*', 'trustedadvisor:*', 'waf-regional:*', 'waf:*', 'wafv2:*', 'wellarchitected:*',
];

/** `describe-policy` returns content as a JSON string with indentation; keep that shape. */
function policyContent(statements: Array<Record<string, unknown>>): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 4);
}

/** The organisation file in the format `scripts/export-organization.sh` writes. */
export function buildOrganizationFile(plan: OrganizationPlan): OrganizationFile {
  const allTargets = [plan.rootId, ...plan.units.map((unit) => unit.id), ...plan.accounts.map((account) => account.id)];
  return {
    organization: { id: plan.organizationId, managementAccountId: plan.managementAccountId },
    roots: [{ id: plan.rootId, name: 'Root' }],
    organizationalUnits: plan.units.map((unit) => ({ ...unit })),
    accounts: plan.accounts.map((account) => ({ id: account.id, name: account.name, email: account.email, status: 'ACTIVE', parentId: account.parentId, tags: { ...account.tags } })),
    policies: [
      {
        id: 'p-FullAWSAccess',
        name: 'FullAWSAccess',
        type: 'SERVICE_CONTROL_POLICY',
        content: policyContent([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
        // AWS attaches FullAWSAccess to the root, every OU and every account when SCPs are enabled;
        // every level of the path must allow an action, so it has to be everywhere.
        targetIds: allTargets,
      },
      {
        id: 'p-nw01deny0leave',
        name: 'DenyLeaveOrganization',
        type: 'SERVICE_CONTROL_POLICY',
        content: policyContent([{ Sid: 'DenyLeave', Effect: 'Deny', Action: ['organizations:LeaveOrganization'], Resource: '*' }]),
        targetIds: [plan.rootId],
      },
      {
        id: 'p-nw01region01',
        name: 'RestrictToApprovedRegions',
        type: 'SERVICE_CONTROL_POLICY',
        content: policyContent([
          {
            Sid: 'DenyAllOutsideApprovedRegions',
            Effect: 'Deny',
            NotAction: GLOBAL_SERVICE_ACTIONS,
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'us-west-2', 'eu-west-1'] } },
          },
        ]),
        targetIds: [UNIT_IDS.workloads],
      },
      {
        id: 'p-nw01bdrkcust',
        name: 'DenyBedrockModelCustomization',
        type: 'SERVICE_CONTROL_POLICY',
        content: policyContent([
          {
            Sid: 'NoModelShapingInSandboxes',
            Effect: 'Deny',
            Action: [
              'bedrock:CreateModelCustomizationJob',
              'bedrock:CreateModelImportJob',
              'bedrock:CreateModelCopyJob',
              'bedrock:CreateCustomModel',
              'bedrock:CreateProvisionedModelThroughput',
            ],
            Resource: '*',
          },
        ]),
        targetIds: [UNIT_IDS.sandbox],
      },
      {
        id: 'p-nw01protsec',
        name: 'ProtectSecurityServices',
        type: 'SERVICE_CONTROL_POLICY',
        content: policyContent([
          { Sid: 'KeepTrailsOn', Effect: 'Deny', Action: ['cloudtrail:StopLogging', 'cloudtrail:DeleteTrail', 'guardduty:DeleteDetector', 'config:DeleteConfigurationRecorder'], Resource: '*' },
          {
            Sid: 'KeepBedrockInvocationLogs',
            Effect: 'Deny',
            Action: ['bedrock:DeleteModelInvocationLoggingConfiguration'],
            Resource: '*',
            Condition: { ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/aws-reserved/sso.amazonaws.com/*AWSReservedSSO_SecurityAdmin_*' } },
          },
        ]),
        targetIds: [UNIT_IDS.security, UNIT_IDS.prod],
      },
    ],
  };
}
