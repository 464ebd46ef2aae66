/**
 * The environment that points the AWS SDK's own endpoint variables and default credential chain
 * at the local endpoint, and nowhere else: dummy credentials (the endpoint does not verify
 * signatures; the access key id picks the caller's account), and no profile, session token or
 * instance role of the machine that could take over from them. Undefined means "remove".
 */
export function localAwsSdkEnvironment(url: string, credentials: { accessKeyId: string; secretAccessKey: string } = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'secret' }): Record<string, string | undefined> {
  return {
    AWS_ENDPOINT_URL_IAM: url,
    AWS_ENDPOINT_URL_STS: url,
    AWS_ENDPOINT_URL_ORGANIZATIONS: url,
    AWS_ENDPOINT_URL_BEDROCK: url,
    AWS_ENDPOINT_URL_CLOUDTRAIL: url,
    AWS_ENDPOINT_URL_SSO_ADMIN: url,
    AWS_ENDPOINT_URL_IDENTITYSTORE: url,
    AWS_ENDPOINT_URL_S3: url,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: 'us-east-1',
    AWS_PROFILE: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** Sets the variables on this process (for code that reads process.env itself), removing the undefined ones. */
export function applyToProcessEnvironment(variables: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
}
