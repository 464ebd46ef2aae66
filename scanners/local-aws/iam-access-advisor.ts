import { randomUUID } from 'node:crypto';
import { iamActionOf, isDeniedErrorCode } from '../../lib/usage/attribute-event';
import { BEDROCK_EVENT_SOURCES } from '../../lib/usage/cloudtrail-record';
import type { CallContext, QueryHandler } from './call-context';
import { AwsApiError } from './errors';
import { formatWireDate } from './wire-format';

interface Job {
  arn: string;
  granularity: 'SERVICE_LEVEL' | 'ACTION_LEVEL';
  createdAt: Date;
  /** Like AWS, the first read may find the job still running: clients must poll. */
  polls: number;
}

const jobs = new Map<string, Job>();

/** The role or user ARN a trail event was made by (the session's role for assumed roles). */
function principalArnOf(record: { userIdentity?: { type?: string; arn?: string; sessionContext?: { sessionIssuer?: { arn?: string } } } }): string | undefined {
  const identity = record.userIdentity;
  return identity?.type === 'AssumedRole' ? identity.sessionContext?.sessionIssuer?.arn : identity?.arn;
}

const generate: QueryHandler = (context, params) => {
  const arn = params.get('Arn');
  if (!arn || !/^arn:aws:iam::\d{12}:(user|role|group|policy)\//.test(arn)) throw new AwsApiError('InvalidInput', 'Arn must be the ARN of an IAM user, group, role or policy.', 400);
  const granularity = params.get('Granularity') === 'ACTION_LEVEL' ? 'ACTION_LEVEL' : 'SERVICE_LEVEL';
  const jobId = randomUUID();
  jobs.set(jobId, { arn, granularity, createdAt: new Date(), polls: 0 });
  return { JobId: jobId };
};

/**
 * GetServiceLastAccessedDetails from the endpoint's CloudTrail events: the Bedrock namespaces
 * the principal is known to have used (an authorised call is an authentication), with the
 * tracked actions at action level. Other services are not modelled.
 */
const get: QueryHandler = (context: CallContext, params) => {
  const jobId = params.get('JobId') ?? '';
  const job = jobs.get(jobId);
  if (!job) throw new AwsApiError('NoSuchEntity', `No job found with id ${jobId}.`, 404);
  job.polls += 1;
  // A job read right after it was started is still running, as in AWS: clients must poll.
  if (job.polls === 1 && Date.now() - job.createdAt.getTime() < 50) return { JobStatus: 'IN_PROGRESS', JobType: job.granularity, JobCreationDate: formatWireDate(job.createdAt), ServicesLastAccessed: [] };
  const accountId = job.arn.split(':')[4] ?? context.accountId;
  const latest = new Map<string, { time: number; region: string }>();
  for (const event of context.trail?.events(accountId) ?? []) {
    if (principalArnOf(event.record) !== job.arn || isDeniedErrorCode(event.record.errorCode)) continue;
    const namespace = BEDROCK_EVENT_SOURCES[event.record.eventSource ?? ''];
    if (namespace === undefined) continue;
    for (const key of [namespace, iamActionOf(event.record) ?? namespace]) {
      const known = latest.get(key);
      if (known === undefined || event.time > known.time) latest.set(key, { time: event.time, region: event.record.awsRegion ?? 'us-east-1' });
    }
  }
  const services = Object.values(BEDROCK_EVENT_SOURCES).map((namespace) => {
    const used = latest.get(namespace);
    const tracked = [...latest.entries()].filter(([key]) => key.startsWith(`${namespace}:`));
    return {
      ServiceName: namespace === 'bedrock' ? 'Amazon Bedrock' : `Amazon Bedrock (${namespace})`,
      ServiceNamespace: namespace,
      ...(used ? { LastAuthenticated: formatWireDate(new Date(used.time)), LastAuthenticatedEntity: job.arn, LastAuthenticatedRegion: used.region } : {}),
      TotalAuthenticatedEntities: used ? 1 : 0,
      ...(job.granularity === 'ACTION_LEVEL' && tracked.length > 0
        ? { TrackedActionsLastAccessed: tracked.map(([key, value]) => ({ ActionName: key.slice(namespace.length + 1), LastAccessedEntity: job.arn, LastAccessedTime: formatWireDate(new Date(value.time)), LastAccessedRegion: value.region })) }
        : {}),
    };
  });
  return { JobStatus: 'COMPLETED', JobType: job.granularity, JobCreationDate: formatWireDate(job.createdAt), ServicesLastAccessed: services, JobCompletionDate: formatWireDate(new Date()), IsTruncated: false };
};

export const accessAdvisorHandlers: Record<string, QueryHandler> = { GenerateServiceLastAccessedDetails: generate, GetServiceLastAccessedDetails: get };
