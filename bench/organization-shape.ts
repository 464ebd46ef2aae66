/**
 * The two benchmark organisations: `template` (one policy template deployed to every account,
 * trusts mostly inside an account; what the engine was tuned on) and `diverse` (policies drawn
 * per account, a dense cross-account trust graph; scripts/demo-org/diverse/).
 */
import type { OrganizationFile } from '../scanners/raw-types';
import { generateOrganization, generateOrganizationFile, type GeneratedAccount } from '../scripts/demo-org/generate-organization';
import { diverseParameters } from '../scripts/demo-org/diverse/diverse-parameters';
import { generateDiverseOrganization, generateDiverseOrganizationFile } from '../scripts/demo-org/diverse/generate-diverse-organization';

export type OrganizationShape = 'template' | 'diverse';

export interface ShapedOrganizationParameters {
  shape: OrganizationShape;
  accountCount: number;
  principalsPerAccount: number;
}

/** `--shape template|diverse`; template when absent. */
export function shapeOf(argv: string[]): OrganizationShape {
  const index = argv.indexOf('--shape');
  const value = index >= 0 ? argv[index + 1] : 'template';
  if (value !== 'template' && value !== 'diverse') throw new Error(`--shape must be template or diverse, got ${value}`);
  return value;
}

export function generateShapedAccounts(parameters: ShapedOrganizationParameters): Generator<GeneratedAccount, void, undefined> {
  return parameters.shape === 'diverse' ? generateDiverseOrganization(diverseParameters(parameters)) : generateOrganization(parameters);
}

export function generateShapedOrganizationFile(parameters: ShapedOrganizationParameters): OrganizationFile {
  return parameters.shape === 'diverse' ? generateDiverseOrganizationFile(diverseParameters(parameters)) : generateOrganizationFile(parameters);
}
