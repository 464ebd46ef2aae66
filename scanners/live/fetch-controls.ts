import {
  GetGuardrailCommand,
  GetModelInvocationLoggingConfigurationCommand,
  GetResourcePolicyCommand,
  ListEnforcedGuardrailsConfigurationCommand,
  ListGuardrailsCommand,
  type BedrockClient,
  type GuardrailSummary,
} from '@aws-sdk/client-bedrock';
import { isCallError, type RawCallError, RawControlsFile, RawEnforcedGuardrailConfiguration, RawGuardrailDefinition, RawGuardrailRecord, RawGuardrailSummary, RawLoggingConfigurationOutput, RawRegionControls } from '../../lib/controls/raw-controls';
import { createBedrockClient, type ClientCredentials, type ClientSettings } from './aws-clients';
import { collectPages } from './collect-pages';
import { toRawJson } from './raw-json';

/** A refused or failed call, kept as data: the mapper turns it into "unknown", never "off". */
function callError(error: unknown): RawCallError {
  const name = error instanceof Error && error.name !== 'Error' ? error.name : 'Error';
  const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
  return { error: { code: name, message } };
}

/** Runs one read; its failure becomes data, except a cancelled scan, which stops. */
async function attempt<T>(run: () => Promise<T>, signal: AbortSignal | undefined): Promise<T | RawCallError> {
  try {
    return await run();
  } catch (error) {
    if (signal?.aborted === true) throw error;
    return callError(error);
  }
}

/** The SDK's answer as the CLI prints it: dates formatted, `$metadata` and undefined members dropped. */
function asCli<T>(value: unknown): T {
  return toRawJson(value) as T;
}

async function listGuardrails(client: BedrockClient, guardrailIdentifier: string | undefined, send: { abortSignal?: AbortSignal }): Promise<{ guardrails: RawGuardrailSummary[] }> {
  const items = await collectPages(async (nextToken) => {
    const page = await client.send(new ListGuardrailsCommand({ guardrailIdentifier, nextToken }), send);
    return { items: page.guardrails ?? [], nextToken: page.nextToken };
  });
  return { guardrails: items.map((summary: GuardrailSummary) => asCli<RawGuardrailSummary>(summary)) };
}

async function readGuardrail(client: BedrockClient, summary: RawGuardrailSummary, signal: AbortSignal | undefined): Promise<RawGuardrailRecord> {
  const send = { abortSignal: signal };
  const versions = await attempt(() => listGuardrails(client, summary.arn, send), signal);
  const numbered = isCallError(versions) ? [] : versions.guardrails.map((entry) => entry.version).filter((version) => version !== 'DRAFT');
  const wanted = numbered.length > 0 ? numbered : ['DRAFT'];
  const definitions: RawGuardrailRecord['definitions'] = [];
  for (const version of wanted) {
    const answer = await attempt(() => client.send(new GetGuardrailCommand({ guardrailIdentifier: summary.arn, guardrailVersion: version }), send), signal);
    definitions.push(isCallError(answer) ? { ...answer, version } : asCli<RawGuardrailDefinition>(answer));
  }
  const resourcePolicy = await attempt(async () => {
    const output = await client.send(new GetResourcePolicyCommand({ resourceArn: summary.arn }), send);
    return output.resourcePolicy === undefined ? {} : { resourcePolicy: output.resourcePolicy };
  }, signal);
  return { guardrailArn: summary.arn, versions, definitions, resourcePolicy };
}

/** One region: logging, account-level enforcement, and every guardrail with its versions and resource policy. */
export async function fetchRegionControls(client: BedrockClient, signal?: AbortSignal): Promise<RawRegionControls> {
  const send = { abortSignal: signal };
  const modelInvocationLogging = await attempt(async () => {
    const output = await client.send(new GetModelInvocationLoggingConfigurationCommand({}), send);
    return asCli<RawLoggingConfigurationOutput>(output);
  }, signal);
  const enforcedGuardrails = await attempt(async () => {
    const items = await collectPages(async (nextToken) => {
      const page = await client.send(new ListEnforcedGuardrailsConfigurationCommand({ nextToken }), send);
      return { items: page.guardrailsConfig ?? [], nextToken: page.nextToken };
    });
    return { guardrailsConfig: items.map((config) => asCli<RawEnforcedGuardrailConfiguration>(config)) };
  }, signal);
  const guardrails = await attempt(() => listGuardrails(client, undefined, send), signal);
  const guardrailRecords: RawGuardrailRecord[] = [];
  if (!isCallError(guardrails)) {
    for (const summary of guardrails.guardrails) guardrailRecords.push(await readGuardrail(client, summary, signal));
  }
  return { modelInvocationLogging, enforcedGuardrails, guardrails, guardrailRecords };
}

/**
 * Reads the Bedrock controls of one account in every region in scope, with the account's
 * credentials (read-only calls: Get/List). Every refused or failed call is kept as
 * `{ error }` in the file, so the mapper reports that control as unknown. Produces exactly the
 * shape of `controls/<accountId>.json` (scanners/offline/FORMAT.md).
 */
export async function fetchAccountControls(settings: ClientSettings, credentials: ClientCredentials | undefined, accountId: string, regions: string[], signal?: AbortSignal): Promise<RawControlsFile> {
  const file: RawControlsFile = { accountId, regions: {} };
  for (const region of [...regions].sort()) {
    const client = createBedrockClient(settings, credentials, region);
    try {
      file.regions[region] = await fetchRegionControls(client, signal);
    } finally {
      client.destroy();
    }
  }
  return file;
}
