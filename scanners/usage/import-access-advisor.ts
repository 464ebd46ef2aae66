import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppDatabase } from '../../db/client';
import { usageAccessAdvisor } from '../../db/schema';
import { AccessAdvisorShapeError, mapAccessAdvisorReport, type AccessAdvisorReport } from '../../lib/usage/map-access-advisor';
import { UsageFileError } from './errors';
import { UsageWriter } from './persist-usage';
import { inWriteTransaction } from '../../db/write-transaction';

const PRINCIPAL_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(user|role)\/.+/;

/**
 * The principal a file reports on: its `PrincipalArn` field when present (added by our live
 * collector, or by hand with jq), else the file name, the URL-encoded ARN (`encodeURIComponent`).
 */
export function principalArnOfAccessAdvisorFile(fileName: string, document: unknown): string | null {
  const field = document !== null && typeof document === 'object' ? (document as Record<string, unknown>).PrincipalArn : undefined;
  if (typeof field === 'string' && PRINCIPAL_ARN.test(field)) return field;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.basename(fileName, '.json'));
  } catch {
    return null;
  }
  return PRINCIPAL_ARN.test(decoded) ? decoded : null;
}

/** Stores one principal's report (replacing what this scan held for it) in one statement batch. */
export function persistAccessAdvisorReport(database: AppDatabase, scanId: number, principalArn: string, report: AccessAdvisorReport): void {
  inWriteTransaction(database, () => {
    for (const entry of report.entries) {
      database
        .insert(usageAccessAdvisor)
        .values({ scanId, principalArn, ...entry, reportGeneratedAt: report.generatedAt })
        .onConflictDoUpdate({ target: [usageAccessAdvisor.scanId, usageAccessAdvisor.principalArn, usageAccessAdvisor.serviceNamespace, usageAccessAdvisor.actionName], set: { ...entry, reportGeneratedAt: report.generatedAt } })
        .run();
    }
  });
}

/**
 * Reads `access-advisor/*.json` (one `aws iam get-service-last-accessed-details` output per
 * principal). A bad file is recorded with its reason; the others are stored.
 */
export async function importAccessAdvisorDirectory(database: AppDatabase, scanId: number, folder: string): Promise<{ principals: number; problems: string[] }> {
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { principals: 0, problems: [] };
    throw cause;
  }
  const writer = new UsageWriter(database, scanId);
  const problems: string[] = [];
  let principals = 0;
  for (const name of names) {
    const key = `access-advisor/${name}`;
    try {
      let document: unknown;
      try {
        document = JSON.parse(await readFile(path.join(folder, name), 'utf8'));
      } catch (cause) {
        throw new UsageFileError(key, 'malformed-json', `not valid JSON (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
      }
      const principalArn = principalArnOfAccessAdvisorFile(name, document);
      if (principalArn === null) throw new UsageFileError(key, 'no-principal', 'no PrincipalArn field, and the file name is not a URL-encoded user or role ARN');
      let report: AccessAdvisorReport;
      try {
        report = mapAccessAdvisorReport(document);
      } catch (cause) {
        if (cause instanceof AccessAdvisorShapeError) throw new UsageFileError(key, 'not-access-advisor', cause.message, { cause });
        throw cause;
      }
      persistAccessAdvisorReport(database, scanId, principalArn, report);
      principals += 1;
    } catch (error) {
      const failure = error instanceof UsageFileError ? error : new UsageFileError(key, 'unreadable', error instanceof Error ? error.message : String(error));
      writer.recordFileError(failure.file, failure.code, failure.detail);
      problems.push(failure.message);
    }
  }
  return { principals, problems };
}
