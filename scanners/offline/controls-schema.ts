import { z } from 'zod';
import type { RawControlsFile } from '../../lib/controls/raw-controls';

/**
 * `controls/<accountId>.json` (FORMAT.md): per region the AWS CLI answers of the Bedrock
 * control-plane reads, or `{ "error": { code, message } }` for a call that failed. Loose objects:
 * fields the mapper does not read pass through, as the CLI prints more than we need.
 */
const callErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

const s3ConfigSchema = z.looseObject({ bucketName: z.string(), keyPrefix: z.string().optional() });

const loggingOutputSchema = z.looseObject({
  loggingConfig: z
    .looseObject({
      cloudWatchConfig: z.looseObject({ logGroupName: z.string(), roleArn: z.string(), largeDataDeliveryS3Config: s3ConfigSchema.optional() }).optional(),
      s3Config: s3ConfigSchema.optional(),
      textDataDeliveryEnabled: z.boolean().optional(),
      imageDataDeliveryEnabled: z.boolean().optional(),
      embeddingDataDeliveryEnabled: z.boolean().optional(),
      videoDataDeliveryEnabled: z.boolean().optional(),
      audioDataDeliveryEnabled: z.boolean().optional(),
    })
    .optional(),
});

const enforcedOutputSchema = z.looseObject({
  guardrailsConfig: z.array(
    z.looseObject({
      configId: z.string().optional(),
      guardrailArn: z.string().optional(),
      guardrailId: z.string().optional(),
      inputTags: z.string().optional(),
      guardrailVersion: z.string().optional(),
      owner: z.string().optional(),
      modelEnforcement: z.looseObject({ includedModels: z.array(z.string()), excludedModels: z.array(z.string()) }).optional(),
    }),
  ),
});

const summarySchema = z.looseObject({ id: z.string(), arn: z.string(), status: z.string(), name: z.string(), version: z.string(), createdAt: z.string(), updatedAt: z.string() });
const listOutputSchema = z.looseObject({ guardrails: z.array(summarySchema) });

const definitionSchema = z.looseObject({
  name: z.string(),
  guardrailId: z.string(),
  guardrailArn: z.string(),
  version: z.string(),
  status: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  blockedInputMessaging: z.string(),
  blockedOutputsMessaging: z.string(),
});

const recordSchema = z.object({
  guardrailArn: z.string(),
  versions: z.union([callErrorSchema, listOutputSchema]),
  definitions: z.array(z.union([callErrorSchema.extend({ version: z.string() }), definitionSchema])),
  resourcePolicy: z.union([callErrorSchema, z.looseObject({ resourcePolicy: z.string().optional() })]),
});

const regionSchema = z.object({
  modelInvocationLogging: z.union([callErrorSchema, loggingOutputSchema]),
  enforcedGuardrails: z.union([callErrorSchema, enforcedOutputSchema]),
  guardrails: z.union([callErrorSchema, listOutputSchema]),
  guardrailRecords: z.array(recordSchema),
});

export const controlsFileSchema = z.object({
  accountId: z.string().regex(/^\d{12}$/, 'account id must be 12 digits'),
  regions: z.record(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'a region name such as us-east-1'), regionSchema),
});

/** Validates a parsed controls file; throws a ZodError naming the field. */
export function parseControlsFile(value: unknown): RawControlsFile {
  // The schema checks every field the mapper reads; the rest passes through as the CLI printed it.
  return controlsFileSchema.parse(value) as RawControlsFile;
}
