import { describe, expect, it } from 'vitest';
import { AccessAdvisorShapeError, mapAccessAdvisorReport } from './map-access-advisor';

/** The shape `aws iam get-service-last-accessed-details` prints (IAM API reference). */
const actionLevel = {
  JobStatus: 'COMPLETED',
  JobType: 'ACTION_LEVEL',
  JobCreationDate: '2026-10-12T10:00:00.000Z',
  ServicesLastAccessed: [
    { ServiceName: 'Amazon S3', LastAuthenticated: '2026-10-10T09:00:00Z', ServiceNamespace: 's3', LastAuthenticatedEntity: 'arn:aws:iam::111122223333:role/app', TotalAuthenticatedEntities: 1 },
    {
      ServiceName: 'Amazon Bedrock',
      LastAuthenticated: '2026-10-01T12:30:00Z',
      ServiceNamespace: 'bedrock',
      LastAuthenticatedEntity: 'arn:aws:iam::111122223333:role/app',
      LastAuthenticatedRegion: 'us-east-1',
      TotalAuthenticatedEntities: 1,
      TrackedActionsLastAccessed: [
        { ActionName: 'InvokeModel', LastAccessedEntity: 'arn:aws:iam::111122223333:role/app', LastAccessedTime: '2026-10-01T12:30:00Z', LastAccessedRegion: 'us-east-1' },
        { ActionName: 'CreateModelCustomizationJob' },
      ],
    },
    { ServiceName: 'Amazon Bedrock AgentCore', ServiceNamespace: 'bedrock-agentcore', TotalAuthenticatedEntities: 0 },
  ],
  JobCompletionDate: '2026-10-12T10:00:05.000Z',
  IsTruncated: false,
};

describe('mapAccessAdvisorReport', () => {
  it('keeps the Bedrock namespaces, service and action level, never-used as null', () => {
    const report = mapAccessAdvisorReport(actionLevel);
    expect(report.jobType).toBe('ACTION_LEVEL');
    expect(report.generatedAt).toBe('2026-10-12T10:00:05.000Z');
    expect(report.entries).toEqual([
      { serviceNamespace: 'bedrock', actionName: '', lastAuthenticatedAt: '2026-10-01T12:30:00.000Z', lastAuthenticatedRegion: 'us-east-1', lastAuthenticatedEntity: 'arn:aws:iam::111122223333:role/app' },
      { serviceNamespace: 'bedrock', actionName: 'InvokeModel', lastAuthenticatedAt: '2026-10-01T12:30:00.000Z', lastAuthenticatedRegion: 'us-east-1', lastAuthenticatedEntity: 'arn:aws:iam::111122223333:role/app' },
      { serviceNamespace: 'bedrock', actionName: 'CreateModelCustomizationJob', lastAuthenticatedAt: null, lastAuthenticatedRegion: null, lastAuthenticatedEntity: null },
      { serviceNamespace: 'bedrock-agentcore', actionName: '', lastAuthenticatedAt: null, lastAuthenticatedRegion: null, lastAuthenticatedEntity: null },
    ]);
  });

  it('accepts SDK Date objects', () => {
    const report = mapAccessAdvisorReport({ ...actionLevel, JobCompletionDate: new Date('2026-10-12T10:00:05Z'), ServicesLastAccessed: [{ ServiceNamespace: 'bedrock', LastAuthenticated: new Date('2026-10-01T12:30:00Z') }] });
    expect(report.entries[0]?.lastAuthenticatedAt).toBe('2026-10-01T12:30:00.000Z');
  });

  it('refuses an unfinished job and other documents', () => {
    expect(() => mapAccessAdvisorReport({ ...actionLevel, JobStatus: 'IN_PROGRESS' })).toThrow(AccessAdvisorShapeError);
    expect(() => mapAccessAdvisorReport({ Records: [] })).toThrow(/ServicesLastAccessed/);
  });
});
