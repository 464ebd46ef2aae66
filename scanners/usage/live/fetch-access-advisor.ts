import { GenerateServiceLastAccessedDetailsCommand, GetServiceLastAccessedDetailsCommand, type IAMClient } from '@aws-sdk/client-iam';
import { mapAccessAdvisorReport, type AccessAdvisorReport } from '../../../lib/usage/map-access-advisor';

export interface AccessAdvisorPolling {
  /** First wait between polls; doubles up to `maxPollMs`. */
  pollMs?: number;
  maxPollMs?: number;
  maxPolls?: number;
  signal?: AbortSignal;
}

/** Starts an action-level report (AWS falls back to service level where it tracks no actions). */
export async function startAccessAdvisorJob(iam: IAMClient, principalArn: string, signal?: AbortSignal): Promise<string> {
  const { JobId } = await iam.send(new GenerateServiceLastAccessedDetailsCommand({ Arn: principalArn, Granularity: 'ACTION_LEVEL' }), { abortSignal: signal });
  if (!JobId) throw new Error(`GenerateServiceLastAccessedDetails returned no JobId for ${principalArn}`);
  return JobId;
}

/**
 * Polls GetServiceLastAccessedDetails until the job completes (backing off), then reads every
 * page of services (Marker / IsTruncated) and keeps the Bedrock entries.
 */
export async function waitForAccessAdvisorJob(iam: IAMClient, jobId: string, principalArn: string, options: AccessAdvisorPolling = {}): Promise<AccessAdvisorReport> {
  const maxPolls = options.maxPolls ?? 30;
  let wait = options.pollMs ?? 200;
  for (let poll = 0; poll < maxPolls; poll += 1) {
    const response = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId }), { abortSignal: options.signal });
    if (response.JobStatus === 'FAILED') throw new Error(`Access Advisor job for ${principalArn} failed: ${response.Error?.Message ?? 'no reason given'}`);
    if (response.JobStatus === 'COMPLETED') {
      const services = [...(response.ServicesLastAccessed ?? [])];
      let marker = response.IsTruncated ? response.Marker : undefined;
      while (marker !== undefined) {
        const next = await iam.send(new GetServiceLastAccessedDetailsCommand({ JobId: jobId, Marker: marker }), { abortSignal: options.signal });
        services.push(...(next.ServicesLastAccessed ?? []));
        marker = next.IsTruncated ? next.Marker : undefined;
      }
      return mapAccessAdvisorReport({ ...response, ServicesLastAccessed: services });
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, options.maxPollMs ?? 5_000);
  }
  throw new Error(`Access Advisor job for ${principalArn} did not complete after ${maxPolls} polls`);
}
