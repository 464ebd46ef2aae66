import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../client';
import { controlCoverage } from '../schema';
import { importDemoOrganization } from '../../scanners/pipeline/test-support/import-demo';
import { parseBedrockPolicy } from '../../lib/controls/parse-bedrock-policy';
import { recommendForPosture } from '../../lib/controls/recommend-controls';
import { listControlSwitchers } from './control-switchers';
import { listControlCoverageTrend } from './control-coverage-trend';
import { getControlsPosture } from './controls-posture';
import { mapCanDisableControls } from './export-can-disable-controls';
import { listExportedControls } from './export-controls';

const PROD_GENAI_APPS = '641829374651';
const SANDBOX_HACKATHON = '185920374618';
const SHARED_ML_DATA = '307142958673';

let database: AppDatabase;
let scanId: number;

beforeAll(async () => {
  ({ database, scanId } = await importDemoOrganization());
}, 120_000);

describe('controls of the demo organisation, as stored', () => {
  it('is a matrix of every account by the three regions, with the production gaps marked', () => {
    const posture = getControlsPosture(database, scanId, {});
    expect(posture.regions).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    expect(posture.accounts).toHaveLength(11);
    const prod = posture.accounts.find((account) => account.accountId === PROD_GENAI_APPS);
    expect(prod?.cells.map((cell) => [cell.guardrailEnforced, cell.loggingState, cell.isGap])).toEqual([
      ['organization', 'off', true],
      ['organization', 'off', true],
      ['organization', 'off', true],
    ]);
    expect(prod?.approvedRegions).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    const sandbox = posture.accounts.find((account) => account.accountId === SANDBOX_HACKATHON);
    expect(sandbox?.cells.every((cell) => cell.guardrailEnforced === 'none' && cell.loggingState === 'off' && !cell.isGap)).toBe(true);
    // Production accounts without any guardrail (management, security, log archive) are gaps too.
    expect(posture.gapCount).toBe(12);
    expect(posture.accounts.filter((account) => account.cells.some((cell) => cell.isGap)).map((account) => account.accountName)).toEqual(['log-archive', 'northwind-management', 'prod-genai-apps', 'security-tooling']);
  });

  it('filters by environment and by OU anywhere on the path', () => {
    expect(getControlsPosture(database, scanId, { environment: 'sandbox' }).accounts.map((account) => account.accountName)).toEqual(['sandbox-data-science', 'sandbox-hackathon']);
    expect(getControlsPosture(database, scanId, { ou: 'ou-nw01-prd6e7f8' }).accounts.map((account) => account.accountName)).toEqual(['prod-genai-apps', 'prod-platform']);
    expect(getControlsPosture(database, scanId, { ou: 'ou-nw01-wrk3c4d5' }).accounts).toHaveLength(6);
  });

  it('lists who can switch each control off, with the grant, linked to the principal', () => {
    const switchers = listControlSwitchers(database, scanId, ['752930184726']);
    const guardrail = switchers.filter((switcher) => switcher.control === 'guardrail');
    expect(guardrail.length).toBeGreaterThan(0);
    expect(guardrail.every((switcher) => switcher.region === 'us-east-1')).toBe(true);
    expect(switchers.every((switcher) => switcher.principalId !== null && switcher.grants.length > 0 && switcher.grants[0].description.length > 0)).toBe(true);
  });

  it('exports controls and canDisableControls in the shapes issue #20 gives', () => {
    const controls = listExportedControls(database, scanId);
    expect(controls).toHaveLength(33);
    expect(controls.find((entry) => entry.accountId === PROD_GENAI_APPS && entry.region === 'us-east-1')).toEqual({
      accountId: PROD_GENAI_APPS,
      region: 'us-east-1',
      guardrail: { enforced: 'organization', guardrailArn: 'arn:aws:bedrock:us-east-1:210987654321:guardrail/nwprodsafety1', version: '3' },
      invocationLogging: { enabled: false, destinations: [] },
      regionRestricted: true,
      modelAllowList: null,
    });
    expect(controls.find((entry) => entry.accountId === SHARED_ML_DATA && entry.region === 'eu-west-1')?.invocationLogging).toBe('unknown');
    expect(controls.find((entry) => entry.accountId === '210987654321')?.regionRestricted).toBe(false);
    const canDisable = mapCanDisableControls(database, scanId);
    const entries = [...canDisable.values()].flat();
    expect(entries.length).toBeGreaterThan(0);
    expect(Object.keys(entries[0]).sort()).toEqual(['accountId', 'actions', 'control', 'region']);
  });

  it('recommends the organisation guardrail as a Bedrock policy naming it, and logging to the bucket already in use', () => {
    const recommendations = recommendForPosture(getControlsPosture(database, scanId, {}).accounts);
    const sandbox = recommendations.get(SANDBOX_HACKATHON) ?? [];
    const guardrail = sandbox.find((entry) => entry.kind === 'organization-guardrail');
    expect(parseBedrockPolicy(guardrail?.policy ?? '').guardrails.map((entry) => [entry.region, entry.guardrailArn, entry.version])).toEqual([
      ['eu-west-1', 'arn:aws:bedrock:eu-west-1:210987654321:guardrail/nwprodsafety1', '3'],
      ['us-east-1', 'arn:aws:bedrock:us-east-1:210987654321:guardrail/nwprodsafety1', '3'],
      ['us-west-2', 'arn:aws:bedrock:us-west-2:210987654321:guardrail/nwprodsafety1', '3'],
    ]);
    expect(guardrail?.where).toContain(SANDBOX_HACKATHON);
    const logging = (recommendations.get(PROD_GENAI_APPS) ?? []).filter((entry) => entry.kind === 'invocation-logging');
    expect(logging).toHaveLength(3);
    expect(JSON.parse(logging[0].policy)).toMatchObject({ loggingConfig: { s3Config: { bucketName: 'northwind-bedrock-invocation-logs-427381920374' } } });
    // Unknown is not missing: shared-ml-data's unreadable logging gets no recommendation.
    expect((recommendations.get(SHARED_ML_DATA) ?? []).filter((entry) => entry.kind === 'invocation-logging')).toEqual([]);
    // Sandboxes have no region SCP while workloads do: the SCP is recommended with the approved regions.
    expect(sandbox.find((entry) => entry.kind === 'region-restriction')?.policy).toContain('aws:RequestedRegion');
  });

  it('records the production coverage for the overview trend', () => {
    const [point] = listControlCoverageTrend(database);
    const stored = database.select().from(controlCoverage).all();
    expect(stored).toHaveLength(1);
    expect(point.scanId).toBe(scanId);
    expect(point.productionInvokeHolders).toBeGreaterThan(0);
    expect(point.guardrailCovered).toBeLessThanOrEqual(point.productionInvokeHolders);
    expect(point.loggingCovered).toBeLessThan(point.productionInvokeHolders);
  });
});
