/** Namespaces whose Access Advisor entries are Bedrock evidence. */
export const BEDROCK_NAMESPACES = ['bedrock', 'bedrock-agentcore', 'bedrock-mantle'] as const;

export interface AccessAdvisorEntry {
  serviceNamespace: string;
  /** '' for the service-level entry; the action name for `TrackedActionsLastAccessed`. */
  actionName: string;
  lastAuthenticatedAt: string | null;
  lastAuthenticatedRegion: string | null;
  lastAuthenticatedEntity: string | null;
}

export interface AccessAdvisorReport {
  jobType: 'SERVICE_LEVEL' | 'ACTION_LEVEL' | null;
  generatedAt: string | null;
  entries: AccessAdvisorEntry[];
}

export class AccessAdvisorShapeError extends Error {
  override name = 'AccessAdvisorShapeError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Dates arrive as ISO strings from the CLI and as `Date` objects from the SDK. */
function toIso(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'string' && value.length > 0) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  return null;
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * The Bedrock entries of a `GetServiceLastAccessedDetails` response (what
 * `aws iam get-service-last-accessed-details` prints): one service-level entry per Bedrock
 * namespace, plus one per tracked action where AWS reports actions. A job that is not
 * `COMPLETED` is refused: its dates would read as "never used".
 */
export function mapAccessAdvisorReport(document: unknown): AccessAdvisorReport {
  if (!isObject(document) || !Array.isArray(document.ServicesLastAccessed)) throw new AccessAdvisorShapeError('not a GetServiceLastAccessedDetails response (no ServicesLastAccessed list)');
  if (document.JobStatus !== undefined && document.JobStatus !== 'COMPLETED') throw new AccessAdvisorShapeError(`the report job is ${String(document.JobStatus)}, not COMPLETED`);
  const jobType = document.JobType === 'SERVICE_LEVEL' || document.JobType === 'ACTION_LEVEL' ? document.JobType : null;
  const entries: AccessAdvisorEntry[] = [];
  for (const service of document.ServicesLastAccessed) {
    if (!isObject(service)) throw new AccessAdvisorShapeError('a ServicesLastAccessed entry is not an object');
    const namespace = textOrNull(service.ServiceNamespace);
    if (namespace === null || !(BEDROCK_NAMESPACES as readonly string[]).includes(namespace)) continue;
    entries.push({ serviceNamespace: namespace, actionName: '', lastAuthenticatedAt: toIso(service.LastAuthenticated), lastAuthenticatedRegion: textOrNull(service.LastAuthenticatedRegion), lastAuthenticatedEntity: textOrNull(service.LastAuthenticatedEntity) });
    const actions = Array.isArray(service.TrackedActionsLastAccessed) ? service.TrackedActionsLastAccessed : [];
    for (const action of actions) {
      if (!isObject(action) || textOrNull(action.ActionName) === null) continue;
      entries.push({ serviceNamespace: namespace, actionName: action.ActionName as string, lastAuthenticatedAt: toIso(action.LastAccessedTime), lastAuthenticatedRegion: textOrNull(action.LastAccessedRegion), lastAuthenticatedEntity: textOrNull(action.LastAccessedEntity) });
    }
  }
  return { jobType, generatedAt: toIso(document.JobCompletionDate) ?? toIso(document.JobCreationDate), entries };
}
