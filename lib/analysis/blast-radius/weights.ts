import { z } from 'zod';
import { ENVIRONMENTS, TIERS, type Environment, type Tier } from '../types';

/**
 * THE place for blast-radius weights. Tune them in configuration (`blastRadiusWeights`), which
 * `resolveWeights` merges over these defaults and validates.
 *
 * | factor      | max | how points are earned                                                     |
 * |-------------|-----|---------------------------------------------------------------------------|
 * | actions     |  30 | sum of per-tier points, capped: govern 18, customize 15, invoke 12,        |
 * |             |     | agent 8, provision 8, build 6, unclassified 4, read 1                      |
 * | models      |  15 | all models 15; otherwise 3 per distinct model pattern, at most 10          |
 * | regions     |  10 | no region limit 10; otherwise ceil(10 x regions / all regions)            |
 * | accounts    |  10 | 2 per account holding Bedrock access (directly or by assumption), max 10  |
 * | exposure    |  15 | sum, capped: public 15, external account 10, OIDC 6 (+5 when the subject   |
 * |             |     | is not pinned), SAML 4, organisation account 4, AWS service 2, same        |
 * |             |     | account 1; plus 1 point per doubling of principals that can assume it, max 3 |
 * | credentials |  10 | users only, capped: 1 for being a user, 4 for active access keys, +2 when  |
 * |             |     | the oldest is over 90 days, +4 for a Bedrock API key, +3 console without MFA |
 * | environment |  10 | prod 10, unknown 5, nonprod 3, sandbox 1                                   |
 * | controls    | -22 | every invoke grant requires a guardrail -8; models pinned -5; its account   |
 * |             | / +5| enforces a guardrail in every invoke region -6; logs every model call -3;   |
 * |             |     | a reduction never exceeds the model + region points (so it only shrinks    |
 * |             |     | invoke reach); in production, +5 when an invoke region is known to have no  |
 * |             |     | enforced guardrail or no logging (account-controls.ts)                      |
 * | usage       | +5  | standing access (any Bedrock tier held) that CloudTrail shows unused for     |
 * |             |     | `windowDays` (90): +5. Used, created within the window, or no CloudTrail     |
 * |             |     | read (unknown is not unused): 0. Losing use can only raise the score         |
 *
 * The positive maxima must sum to 100 (the production-gap and unused-access points come on top); the total is clamped to 0..100.
 */
const nonNegative = z.number().finite().min(0, 'must be 0 or more');

const tierPointsSchema = z.object(Object.fromEntries(TIERS.map((tier) => [tier, nonNegative])) as Record<Tier, typeof nonNegative>).strict();
const environmentPointsSchema = z
  .object(Object.fromEntries(ENVIRONMENTS.map((environment) => [environment, nonNegative])) as Record<Environment, typeof nonNegative>)
  .strict();

export const weightsSchema = z
  .object({
    actions: z.object({ maxPoints: nonNegative, tierPoints: tierPointsSchema }).strict(),
    models: z.object({ maxPoints: nonNegative, allModelsPoints: nonNegative, pointsPerModelPattern: nonNegative, maxPinnedModelPoints: nonNegative }).strict(),
    regions: z.object({ maxPoints: nonNegative }).strict(),
    accounts: z.object({ maxPoints: nonNegative, pointsPerAccount: nonNegative }).strict(),
    exposure: z
      .object({
        maxPoints: nonNegative,
        kindPoints: z
          .object({
            'same-account': nonNegative,
            'organization-account': nonNegative,
            'external-account': nonNegative,
            'aws-service': nonNegative,
            saml: nonNegative,
            oidc: nonNegative,
            public: nonNegative,
          })
          .strict(),
        unpinnedOidcPoints: nonNegative,
        pointsPerAssumerDoubling: nonNegative,
        maxAssumerPoints: nonNegative,
      })
      .strict(),
    credentials: z
      .object({
        maxPoints: nonNegative,
        userBasePoints: nonNegative,
        activeAccessKeyPoints: nonNegative,
        oldKeyAgeDays: z.number().int('must be a whole number of days').min(0, 'must be 0 or more'),
        oldKeyPoints: nonNegative,
        bedrockApiKeyPoints: nonNegative,
        consoleWithoutMfaPoints: nonNegative,
      })
      .strict(),
    environment: z.object({ maxPoints: nonNegative, points: environmentPointsSchema }).strict(),
    controls: z
      .object({ guardrailReduction: nonNegative, modelsPinnedReduction: nonNegative, enforcedGuardrailReduction: nonNegative, loggingReduction: nonNegative, productionGapPoints: nonNegative })
      .strict(),
    usage: z.object({ unusedPoints: nonNegative, windowDays: z.number().int('must be a whole number of days').min(1, 'must be 1 or more') }).strict(),
  })
  .strict()
  .superRefine((weights, context) => {
    const factors = ['actions', 'models', 'regions', 'accounts', 'exposure', 'credentials', 'environment'] as const;
    const total = factors.reduce((sum, factor) => sum + weights[factor].maxPoints, 0);
    if (Math.abs(total - 100) > 1e-9) {
      context.addIssue({ code: 'custom', path: ['maxPoints'], message: `the factors' maxPoints must sum to 100 (they sum to ${total})` });
    }
    // Otherwise widening a model list to all models could lower the score.
    if (weights.models.allModelsPoints < weights.models.maxPinnedModelPoints) {
      context.addIssue({ code: 'custom', path: ['models', 'allModelsPoints'], message: 'must be at least models.maxPinnedModelPoints' });
    }
  });

export type Weights = z.infer<typeof weightsSchema>;

/** Every field optional, at any depth: the shape of a configuration override. */
export type DeepPartial<T> = { [Key in keyof T]?: T[Key] extends object ? DeepPartial<T[Key]> : T[Key] };

export const DEFAULT_WEIGHTS: Weights = {
  actions: {
    maxPoints: 30,
    tierPoints: { govern: 18, customize: 15, invoke: 12, agent: 8, provision: 8, build: 6, unclassified: 4, read: 1 },
  },
  models: { maxPoints: 15, allModelsPoints: 15, pointsPerModelPattern: 3, maxPinnedModelPoints: 10 },
  regions: { maxPoints: 10 },
  accounts: { maxPoints: 10, pointsPerAccount: 2 },
  exposure: {
    maxPoints: 15,
    kindPoints: {
      public: 15,
      'external-account': 10,
      oidc: 6,
      saml: 4,
      'organization-account': 4,
      'aws-service': 2,
      'same-account': 1,
    },
    unpinnedOidcPoints: 5,
    pointsPerAssumerDoubling: 1,
    maxAssumerPoints: 3,
  },
  credentials: {
    maxPoints: 10,
    userBasePoints: 1,
    activeAccessKeyPoints: 4,
    oldKeyAgeDays: 90,
    oldKeyPoints: 2,
    bedrockApiKeyPoints: 4,
    consoleWithoutMfaPoints: 3,
  },
  environment: { maxPoints: 10, points: { prod: 10, unknown: 5, nonprod: 3, sandbox: 1 } },
  controls: { guardrailReduction: 8, modelsPinnedReduction: 5, enforcedGuardrailReduction: 6, loggingReduction: 3, productionGapPoints: 5 },
  usage: { unusedPoints: 5, windowDays: 90 },
};

/** Thrown for invalid weight overrides; the message names every offending field. */
export class WeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightsError';
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDeep(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) merged[key] = mergeDeep(base[key], value);
  return merged;
}

/**
 * The defaults with `overrides` merged in, validated. Accepts the raw configuration value
 * (`Record<string, unknown>`) as well as a typed partial.
 *
 * @throws WeightsError naming the field, e.g. `exposure.kindPoints.public: must be 0 or more`.
 */
export function resolveWeights(overrides: DeepPartial<Weights> | Record<string, unknown> = {}): Weights {
  const result = weightsSchema.safeParse(mergeDeep(DEFAULT_WEIGHTS, overrides));
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new WeightsError(`Invalid blast-radius weights: ${problems.join('; ')}`);
}
