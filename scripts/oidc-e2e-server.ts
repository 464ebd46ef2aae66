/**
 * The `oidc` e2e project's web server (issue 21): production sign-in against a real, certified
 * OpenID Connect provider, panva's `oidc-provider` (MIT, devDependency), on loopback only.
 *
 * 1. The provider listens on 127.0.0.1 on a free port, with one confidential client
 *    (client_secret_basic) that must use PKCE, the redirect URI of the app and its post-logout
 *    redirect. Its development login and consent pages accept any login name; the login name
 *    picks the account below. Like the provider's default, the ID token of the code flow carries
 *    no `email` or `groups`: the app must read them from userinfo.
 * 2. A fresh database with the demo organisation and the demo users (here ordinary CLI users).
 * 3. `npm start` (scripts/serve.ts, so the start-up check runs) in production mode without demo
 *    mode, single sign-on configured by environment and a role mapping from the `groups` claim
 *    with just-in-time provisioning.
 *
 * `POST <issuer>/__e2e/down` makes the provider drop every connection (the "provider down" case)
 * and `/__e2e/up` restores it; the issuer URL is written to data/oidc-e2e-<port>.json for the specs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import Provider, { type Configuration } from 'oidc-provider';
import { DIRECTORY_GROUP_RULES } from '../lib/auth/test-support/directory-group-rules';
import { prepareDemoDatabase } from './prepare-database';

const portIndex = process.argv.indexOf('--port');
const port = portIndex >= 0 ? process.argv[portIndex + 1] : '3102';
const appUrl = `http://localhost:${port}`;
const databasePath = path.join(process.cwd(), 'data', `e2e-${port}.db`);
const CLIENT_ID = 'bedrock-access-review';
const CLIENT_SECRET = 'e2e-only-client-secret-0000000000000000';

/** The directory: login name -> claims. An unknown login name has only `sub` (no email). */
export const DIRECTORY_ACCOUNTS: Record<string, Record<string, unknown>> = {
  admin: { email: 'admin@example.com', email_verified: true, name: 'Alex Admin', groups: ['bar-admins'] },
  maya: { email: 'maya@example.com', email_verified: true, name: 'Maya Chen', groups: ['bar-owners'] },
  mallory: { email: 'mallory@example.com', email_verified: true, name: 'Mallory', groups: ['engineering'] },
  'unverified-admin': { email: 'admin@example.com', email_verified: false, name: 'Not Alex', groups: ['bar-admins'] },
  zoe: { email: 'zoe@example.com', email_verified: true, name: 'Zoe Auditor', groups: ['bar-auditors'] },
};

async function startProvider(): Promise<{ issuer: string; stop: () => Promise<void> }> {
  let isDown = false;
  let handler: http.RequestListener = (_request, response) => response.writeHead(503).end();
  const server = http.createServer((request, response) => {
    if (request.url === '/__e2e/down' || request.url === '/__e2e/up') {
      isDown = request.url === '/__e2e/down';
      response.writeHead(200, { 'content-type': 'text/plain' }).end(isDown ? 'down' : 'up');
      return;
    }
    if (isDown) {
      request.socket.destroy();
      return;
    }
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        token_endpoint_auth_method: 'client_secret_basic',
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`],
        post_logout_redirect_uris: [`${appUrl}/signin`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    // PKCE for the confidential client too (the provider requires it by default only for public ones).
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    cookies: { keys: ['e2e-only-cookie-key-0000000000000000'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_context, sub) {
      return { accountId: sub, claims: async () => ({ sub, ...(DIRECTORY_ACCOUNTS[sub] ?? {}) }) };
    },
  };
  const provider = new Provider(issuer, configuration);
  handler = provider.callback();
  return { issuer, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function main(): Promise<void> {
  const provider = await startProvider();
  console.log(`OpenID Connect provider (oidc-provider) on ${provider.issuer}`);
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  fs.writeFileSync(path.join(process.cwd(), 'data', `oidc-e2e-${port}.json`), `${JSON.stringify({ issuer: provider.issuer })}\n`);
  const configPath = path.join(process.cwd(), 'data', `oidc-e2e-${port}.config.json`);
  const config = {
    scan: { schedule: null, live: null, offlineDirectory: null },
    auth: {
      trustedProxyHops: 0,
      roleMapping: {
        claim: 'groups',
        rules: DIRECTORY_GROUP_RULES,
        justInTimeProvisioning: true,
      },
    },
  };
  fs.writeFileSync(configPath, `${JSON.stringify(config, null, 2)}\n`);

  const database = await prepareDemoDatabase(databasePath, { isFresh: true });
  database.$client.close();

  const environment: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DEMO_MODE: 'false',
    // Production mode needs the audit chain's key: the one the demo import wrote its entries with.
    BAR_AUDIT_KEY_FILE: path.join(path.dirname(databasePath), '.demo-audit-key'),
    DATABASE_URL: databasePath,
    BAR_CONFIG: configPath,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: 'e2e-only-secret-not-for-production-000000000000',
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: CLIENT_ID,
    OIDC_CLIENT_SECRET: CLIENT_SECRET,
    OIDC_DISPLAY_NAME: 'Example IdP',
    OIDC_SCOPE: 'openid email profile groups',
  };
  const child: ChildProcess = spawn(path.join(process.cwd(), 'node_modules', '.bin', 'tsx'), ['scripts/serve.ts', '-p', port, '--workers', '1'], { stdio: 'inherit', env: environment });

  let isStopping = false;
  const stop = (exitCode: number) => {
    if (isStopping) return;
    isStopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const stopped = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    void stopped.then(async () => {
      await provider.stop();
      process.exit(exitCode);
    });
    setTimeout(() => {
      child.kill('SIGKILL');
      process.exit(exitCode);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  child.on('exit', (code) => stop(isStopping ? 0 : code || 1));
}

main().catch((error: unknown) => {
  console.error(`oidc e2e server failed to start: ${(error as Error).message}`);
  process.exit(1);
});
