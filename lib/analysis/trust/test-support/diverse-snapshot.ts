import { buildSnapshot } from '../../../../scanners/map/build-snapshot';
import { diverseParameters } from '../../../../scripts/demo-org/diverse/diverse-parameters';
import { generateDiverseOrganization, generateDiverseOrganizationFile } from '../../../../scripts/demo-org/diverse/generate-diverse-organization';
import type { SnapshotInput } from '../../types';

/** A generated diverse organisation (issue #16), mapped as an import maps it. */
export function diverseSnapshot(seed: string, accountCount: number, principalsPerAccount: number, now: Date): SnapshotInput {
  const parameters = diverseParameters({ seed, accountCount, principalsPerAccount });
  const accounts = [...generateDiverseOrganization(parameters)].map((account) => JSON.parse(JSON.stringify({ accountId: account.accountId, details: account.authorizationDetails, credentials: account.credentials })));
  return buildSnapshot({ capturedAt: now.toISOString(), organization: generateDiverseOrganizationFile(parameters), accounts }).snapshot;
}
