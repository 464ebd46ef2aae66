import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RawManagedPolicyDetail } from '../raw-types';

// demo/aws-managed-policies holds `aws iam get-policy-version` output, one file per policy.
const policyVersionFileSchema = z.object({
  PolicyVersion: z.object({ CreateDate: z.string(), VersionId: z.string(), Document: z.record(z.string(), z.unknown()) }),
});

/**
 * AWS managed policies an account may attach although its details file does not list them (IAM
 * lists an AWS managed policy only while something uses it). Missing directory: empty catalogue.
 */
export function loadManagedPolicyCatalog(directory: string | undefined): Map<string, RawManagedPolicyDetail> {
  const catalog = new Map<string, RawManagedPolicyDetail>();
  if (!directory || !existsSync(directory)) return catalog;
  for (const file of readdirSync(directory).filter((name) => name.endsWith('.json'))) {
    const parsed = policyVersionFileSchema.safeParse(JSON.parse(readFileSync(path.join(directory, file), 'utf8')) as unknown);
    if (!parsed.success) continue; // not a get-policy-version file: not a policy this catalogue can offer
    const name = file.slice(0, -'.json'.length);
    const version = parsed.data.PolicyVersion;
    const arn = `arn:aws:iam::aws:policy/${name}`;
    catalog.set(arn, {
      PolicyName: name,
      PolicyId: `ANPA${Buffer.from(name).toString('hex').toUpperCase().slice(0, 17).padEnd(17, '0')}`,
      Arn: arn,
      Path: '/',
      DefaultVersionId: version.VersionId,
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: version.CreateDate,
      UpdateDate: version.CreateDate,
      PolicyVersionList: [{ Document: version.Document, VersionId: version.VersionId, IsDefaultVersion: true, CreateDate: version.CreateDate }],
    });
  }
  return catalog;
}
