import type { CloudTrailRecord, CloudTrailUserIdentity } from '../../lib/usage/cloudtrail-record';
import { mulberry32 } from '../../lib/random/mulberry32';

/**
 * Plausible Bedrock activity for the demo organisation, deterministic per calendar day: the
 * events of a day depend only on the seed, the day and the principals, so regenerating on a later
 * day reproduces the earlier days byte for byte (an incremental import then reads one new day).
 * About 550 events a day (50,000 over 90 days): people through Identity Center roles, CI through
 * GitHub OIDC roles, Lambda / EC2 / ECS workloads, a shared IAM user with access keys, Bedrock API
 * keys, a role used with arbitrary session names, calls on models a principal was not meant to
 * use (some denied), and principals that hold access and never use it.
 */
export interface DemoPrincipal {
  arn: string;
  accountId: string;
  /** Name without path. */
  name: string;
  type: 'user' | 'role';
  /** Access key id of a user (from the credential facts), when it has one. */
  accessKeyId?: string;
  /**
   * For an Identity Center role: the people its permission set is assigned to in its account
   * (directly or through a group), from the demo's `identity-center.json`. The demo's CloudTrail
   * people are then the directory's people, so a person's page shows their calls.
   */
  assignedPeople?: ReadonlyArray<{ userName: string; userId: string }>;
  /** `arn:aws:identitystore::<account>:identitystore/<id>` of that directory. */
  identityStoreArn?: string;
}

export interface DemoActivityOptions {
  seed: number;
  /** Region of the account's activity. */
  regionOf: (accountId: string) => string;
}

export const DEMO_MODELS = {
  chat: ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'anthropic.claude-3-haiku-20240307-v1:0', 'amazon.nova-pro-v1:0'],
  cheap: ['anthropic.claude-3-haiku-20240307-v1:0', 'amazon.nova-lite-v1:0', 'amazon.nova-micro-v1:0'],
  embed: ['amazon.titan-embed-text-v2:0', 'cohere.embed-english-v3'],
  /** Models nobody was meant to use: the "outside the approved list" evidence. */
  offList: ['anthropic.claude-3-opus-20240229-v1:0', 'meta.llama3-1-405b-instruct-v1:0', 'mistral.mistral-large-2407-v1:0'],
} as const;

const FIRST = ['ana', 'ben', 'chloe', 'diego', 'elena', 'farah', 'gus', 'hana', 'ivan', 'jade', 'kofi', 'lena', 'mateo', 'nia', 'omar', 'priya', 'quinn', 'rosa', 'sam', 'tara', 'uma', 'vera', 'wei', 'yusuf', 'zoe'];
const LAST = ['baker', 'chen', 'evans', 'jensen', 'nakamura', 'patel', 'rossi', 'unger', 'varga', 'xu', 'young'];

const random = mulberry32;

function hash(text: string): number {
  let h = 2166136261;
  for (let index = 0; index < text.length; index += 1) h = Math.imul(h ^ text.charCodeAt(index), 16777619);
  return h >>> 0;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function hex(next: () => number, length: number): string {
  let text = '';
  for (let index = 0; index < length; index += 1) text += Math.floor(next() * 16).toString(16);
  return text;
}

function upper(next: () => number, length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let text = '';
  for (let index = 0; index < length; index += 1) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

type Behaviour =
  | { kind: 'people'; people: Array<{ name: string; userId: string | null; weight: number }>; models: readonly string[]; identityStoreArn: string }
  | { kind: 'oidc'; repo: string; models: readonly string[] }
  | { kind: 'lambda' | 'ecs' | 'ec2'; models: readonly string[] }
  | { kind: 'shared-user' | 'api-key'; models: readonly string[]; sources: number }
  | { kind: 'arbitrary'; models: readonly string[] };

/** What each principal does, from its name: the demo's cast. Principals without a behaviour never call Bedrock. */
export function behaviourOf(principal: DemoPrincipal, seed: number): Behaviour | null {
  const next = random(seed ^ hash(principal.arn));
  const name = principal.name;
  const identityStoreArn = principal.identityStoreArn ?? 'arn:aws:identitystore::210987654321:identitystore/d-9067642ac7';
  const people = (count: number) => {
    const assigned = principal.assignedPeople;
    if (assigned !== undefined) {
      // The directory's people assigned to this role's permission set here; some never use it.
      return assigned
        .filter(() => next() < 0.8)
        .slice(0, count)
        .map((person, index) => ({
          // An Identity Center role session is named after the user's UserName.
          name: person.userName,
          // Sessions carry the UserId only with trusted identity propagation: about half here.
          userId: next() < 0.5 ? person.userId : null,
          weight: 0.3 + next() * (index === 0 ? 2 : 1),
        }));
    }
    return Array.from({ length: count }, (_, index) => ({
      name: `${pick(next, FIRST)}.${pick(next, LAST)}@example.com`,
      // About a third of sessions carry the Identity Center UserId (trusted identity propagation).
      userId: next() < 0.35 ? `${hex(next, 8)}-${hex(next, 4)}-${hex(next, 4)}-${hex(next, 4)}-${hex(next, 12)}` : null,
      weight: 0.3 + next() * (index === 0 ? 2 : 1),
    }));
  };
  const peopleBehaviour = (count: number, models: readonly string[]): Behaviour | null => {
    const cast = people(count);
    return cast.length === 0 ? null : { kind: 'people', people: cast, models, identityStoreArn };
  };
  if (principal.type === 'role') {
    if (/^AWSReservedSSO_(BedrockDeveloper|DataScientist|AgentBuilder)_/.test(name)) return peopleBehaviour(2 + Math.floor(next() * 5), DEMO_MODELS.chat);
    if (/^AWSReservedSSO_MLPlatformAdmin_/.test(name)) return peopleBehaviour(2, [...DEMO_MODELS.chat, ...DEMO_MODELS.embed]);
    if (/^github-/.test(name)) return { kind: 'oidc', repo: name.replace(/^github-/, ''), models: DEMO_MODELS.cheap };
    if (/-lambda(-\d+)?$/.test(name)) return next() < 0.7 ? { kind: 'lambda', models: DEMO_MODELS.cheap } : null;
    if (/-ecs-task$/.test(name)) return next() < 0.6 ? { kind: 'ecs', models: DEMO_MODELS.chat } : null;
    if (/-ec2(-\d+)?$/.test(name)) return next() < 0.5 ? { kind: 'ec2', models: DEMO_MODELS.embed } : null;
    if (name === 'shared-bedrock-inference' || name === 'genai-app-backend' || name === 'genai-chat-handler') return { kind: 'arbitrary', models: DEMO_MODELS.chat };
    return null;
  }
  if (name === 'hackathon-shared' || name === 'legacy-reporting-bot') return { kind: 'shared-user', models: [...DEMO_MODELS.chat, DEMO_MODELS.offList[0]], sources: name === 'hackathon-shared' ? 14 : 3 };
  if (name.startsWith('BedrockAPIKey-')) return next() < 0.75 ? { kind: 'api-key', models: DEMO_MODELS.chat, sources: 2 } : null;
  return null;
}

interface DayContext {
  day: string;
  next: () => number;
  region: string;
  principal: DemoPrincipal;
  records: CloudTrailRecord[];
}

function timeOn(context: DayContext, hourFrom = 7, hourTo = 20): string {
  const hour = hourFrom + Math.floor(context.next() * (hourTo - hourFrom));
  const minute = Math.floor(context.next() * 60);
  const second = Math.floor(context.next() * 60);
  return `${context.day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}Z`;
}

function later(time: string, seconds: number): string {
  return new Date(Date.parse(time) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function roleIdentity(principal: DemoPrincipal, sessionName: string, accessKeyId: string, extra: Partial<NonNullable<CloudTrailUserIdentity['sessionContext']>> = {}, onBehalfOf?: CloudTrailUserIdentity['onBehalfOf']): CloudTrailUserIdentity {
  const roleId = `AROA${upper(random(hash(principal.arn)), 17)}`;
  return {
    type: 'AssumedRole',
    principalId: `${roleId}:${sessionName}`,
    arn: `arn:aws:sts::${principal.accountId}:assumed-role/${principal.name}/${sessionName}`,
    accountId: principal.accountId,
    accessKeyId,
    sessionContext: { sessionIssuer: { type: 'Role', principalId: roleId, arn: principal.arn, accountId: principal.accountId, userName: principal.name }, attributes: { mfaAuthenticated: 'false' }, ...extra },
    ...(onBehalfOf ? { onBehalfOf } : {}),
  };
}

function bedrockCall(context: DayContext, identity: CloudTrailUserIdentity, time: string, model: string | null, options: { eventName?: string; errorCode?: string; sourceIp?: string; bearer?: boolean } = {}): CloudTrailRecord {
  const eventName = options.eventName ?? pick(context.next, ['InvokeModel', 'Converse', 'Converse', 'ConverseStream', 'InvokeModelWithResponseStream']);
  return {
    eventVersion: '1.09',
    userIdentity: identity,
    eventTime: time,
    eventSource: 'bedrock.amazonaws.com',
    eventName,
    awsRegion: context.region,
    sourceIPAddress: options.sourceIp ?? `10.${Math.floor(context.next() * 255)}.${Math.floor(context.next() * 255)}.${Math.floor(context.next() * 255)}`,
    userAgent: pick(context.next, ['Boto3/1.35.36 md/Botocore#1.35.36 ua/2.0 os/linux lang/python#3.12.6', 'aws-sdk-js/3.1169.0 ua/2.1 os/linux lang/js md/nodejs#22.11.0']),
    ...(options.errorCode ? { errorCode: options.errorCode, errorMessage: `User: ${identity.arn ?? 'caller'} is not authorized to perform: bedrock:InvokeModel on resource: arn:aws:bedrock:${context.region}::foundation-model/${model ?? ''} because no identity-based policy allows the bedrock:InvokeModel action` } : {}),
    requestParameters: model === null ? null : { modelId: model },
    responseElements: null,
    ...(options.bearer ? { additionalEventData: { callWithBearerToken: true } } : {}),
    eventID: `${hex(context.next, 8)}-${hex(context.next, 4)}-${hex(context.next, 4)}-${hex(context.next, 4)}-${hex(context.next, 12)}`,
    eventType: 'AwsApiCall',
    recipientAccountId: context.principal.accountId,
  } as CloudTrailRecord;
}

function assumeRoleEvent(context: DayContext, caller: CloudTrailUserIdentity, sessionName: string, accessKeyId: string, time: string, eventName: 'AssumeRole' | 'AssumeRoleWithWebIdentity' = 'AssumeRole', subject?: string): CloudTrailRecord {
  const provider = `arn:aws:iam::${context.principal.accountId}:oidc-provider/token.actions.githubusercontent.com`;
  return {
    eventVersion: '1.08',
    userIdentity: caller,
    eventTime: time,
    eventSource: 'sts.amazonaws.com',
    eventName,
    awsRegion: context.region,
    sourceIPAddress: caller.type === 'AWSService' ? (caller.invokedBy as string) : `192.0.2.${Math.floor(context.next() * 250)}`,
    userAgent: caller.type === 'AWSService' ? (caller.invokedBy as string) : 'aws-sdk-nodejs/3.1169.0',
    requestParameters: { roleArn: context.principal.arn, roleSessionName: sessionName, durationSeconds: 3600 },
    responseElements: {
      credentials: { accessKeyId, sessionToken: '<sessionToken>', expiration: later(time, 3600) },
      assumedRoleUser: { assumedRoleId: `AROA:${sessionName}`, arn: `arn:aws:sts::${context.principal.accountId}:assumed-role/${context.principal.name}/${sessionName}` },
      ...(eventName === 'AssumeRoleWithWebIdentity' ? { subjectFromWebIdentityToken: subject, provider, audience: 'sts.amazonaws.com' } : {}),
    },
    eventID: `${hex(context.next, 8)}-${hex(context.next, 4)}-${hex(context.next, 4)}-${hex(context.next, 4)}-${hex(context.next, 12)}`,
    eventType: 'AwsApiCall',
    recipientAccountId: context.principal.accountId,
  } as CloudTrailRecord;
}

function modelFor(context: DayContext, models: readonly string[]): string {
  // One call in 60 goes to a model outside the principal's intended list.
  return context.next() < 1 / 60 ? pick(context.next, DEMO_MODELS.offList) : pick(context.next, models);
}

function simulate(context: DayContext, behaviour: Behaviour, weekday: boolean): void {
  const { next } = context;
  const activity = weekday ? 1 : 0.25;
  switch (behaviour.kind) {
    case 'people':
      for (const person of behaviour.people) {
        if (next() > 0.42 * activity * Math.min(1, person.weight)) continue;
        const key = `ASIA${upper(next, 16)}`;
        const identity = roleIdentity(context.principal, person.name, key, {}, person.userId ? { userId: person.userId, identityStoreArn: behaviour.identityStoreArn } : undefined);
        const calls = Math.floor(2 + next() * 9 * person.weight);
        let time = timeOn(context);
        for (let call = 0; call < calls; call += 1) {
          const model = modelFor(context, behaviour.models);
          const isOffList = (DEMO_MODELS.offList as readonly string[]).includes(model);
          context.records.push(bedrockCall(context, identity, time, model, isOffList && next() < 0.5 ? { errorCode: 'AccessDenied', eventName: 'InvokeModel' } : {}));
          time = later(time, 20 + Math.floor(next() * 300));
        }
        if (next() < 0.3) context.records.push(bedrockCall(context, identity, time, null, { eventName: 'ListFoundationModels' }));
      }
      return;
    case 'oidc': {
      const runs = Math.floor((weekday ? 3 : 0.5) * next() * 3);
      for (let run = 0; run < runs; run += 1) {
        const key = `ASIA${upper(next, 16)}`;
        const subject = next() < 0.7 ? `repo:northwind/${behaviour.repo}:ref:refs/heads/main` : `repo:northwind/${behaviour.repo}:pull_request`;
        const start = timeOn(context, 6, 22);
        context.records.push(assumeRoleEvent(context, { type: 'WebIdentityUser', principalId: `arn:aws:iam::${context.principal.accountId}:oidc-provider/token.actions.githubusercontent.com:sts.amazonaws.com:${subject}`, userName: subject, identityProvider: `arn:aws:iam::${context.principal.accountId}:oidc-provider/token.actions.githubusercontent.com` }, 'GitHubActions', key, start, 'AssumeRoleWithWebIdentity', subject));
        const identity = roleIdentity(context.principal, 'GitHubActions', key, { webIdFederationData: { federatedProvider: `arn:aws:iam::${context.principal.accountId}:oidc-provider/token.actions.githubusercontent.com`, attributes: {} } });
        const calls = 3 + Math.floor(next() * 8);
        for (let call = 0; call < calls; call += 1) context.records.push(bedrockCall(context, identity, later(start, 5 + call * 7), modelFor(context, behaviour.models), { eventName: 'InvokeModel' }));
      }
      return;
    }
    case 'lambda':
    case 'ecs':
    case 'ec2': {
      const sessions = 1 + Math.floor(next() * 2);
      for (let session = 0; session < sessions; session += 1) {
        const key = `ASIA${upper(next, 16)}`;
        const start = timeOn(context, 0, 23);
        let identity: CloudTrailUserIdentity;
        if (behaviour.kind === 'ec2') {
          identity = roleIdentity(context.principal, `i-0${hex(random(hash(context.principal.arn)), 16)}`, key, { ec2RoleDelivery: '2.0' });
        } else {
          const service = behaviour.kind === 'lambda' ? 'lambda.amazonaws.com' : 'ecs-tasks.amazonaws.com';
          const sessionName = behaviour.kind === 'lambda' ? context.principal.name.replace(/-lambda(-\d+)?$/, '-fn') : hex(next, 32);
          context.records.push(assumeRoleEvent(context, { type: 'AWSService', invokedBy: service }, sessionName, key, start));
          identity = roleIdentity(context.principal, sessionName, key);
        }
        const calls = 2 + Math.floor(next() * 7 * activity);
        for (let call = 0; call < calls; call += 1) context.records.push(bedrockCall(context, identity, later(start, 1 + call * 30), modelFor(context, behaviour.models)));
      }
      return;
    }
    case 'shared-user':
    case 'api-key': {
      if (next() > 0.8 * activity) return;
      const identity: CloudTrailUserIdentity = { type: 'IAMUser', principalId: `AIDA${upper(random(hash(context.principal.arn)), 17)}`, arn: context.principal.arn, accountId: context.principal.accountId, accessKeyId: context.principal.accessKeyId ?? `AKIA${upper(random(hash(context.principal.arn) ^ 7), 16)}`, userName: context.principal.name };
      const calls = 3 + Math.floor(next() * 12);
      let time = timeOn(context, 0, 23);
      for (let call = 0; call < calls; call += 1) {
        const source = `198.51.100.${10 + Math.floor(next() * behaviour.sources)}`;
        context.records.push(bedrockCall(context, identity, time, modelFor(context, behaviour.models), { sourceIp: source, bearer: behaviour.kind === 'api-key' }));
        time = later(time, 10 + Math.floor(next() * 120));
      }
      return;
    }
    case 'arbitrary': {
      const sessions = Math.floor(next() * 2 * activity) + 1;
      for (let session = 0; session < sessions; session += 1) {
        const identity = roleIdentity(context.principal, `botocore-session-${1_700_000_000 + Math.floor(next() * 90_000_000)}`, `ASIA${upper(next, 16)}`);
        const start = timeOn(context, 0, 23);
        const calls = 3 + Math.floor(next() * 9);
        for (let call = 0; call < calls; call += 1) context.records.push(bedrockCall(context, identity, later(start, call * 11), modelFor(context, behaviour.models)));
      }
      return;
    }
  }
}

/**
 * The records of one UTC day (`YYYY-MM-DD`) for the given principals, grouped by account and
 * region, each list in time order.
 */
export function generateDemoDay(day: string, principals: readonly DemoPrincipal[], options: DemoActivityOptions): Map<string, CloudTrailRecord[]> {
  const weekday = ![0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
  const byFile = new Map<string, CloudTrailRecord[]>();
  for (const principal of principals) {
    const behaviour = behaviourOf(principal, options.seed);
    if (behaviour === null) continue;
    const region = options.regionOf(principal.accountId);
    const context: DayContext = { day, next: random(options.seed ^ hash(`${principal.arn}|${day}`)), region, principal, records: [] };
    simulate(context, behaviour, weekday);
    if (context.records.length === 0) continue;
    const key = `${principal.accountId}|${region}`;
    const list = byFile.get(key) ?? [];
    list.push(...context.records);
    byFile.set(key, list);
  }
  for (const list of byFile.values()) list.sort((a, b) => ((a.eventTime ?? '') < (b.eventTime ?? '') ? -1 : 1));
  return byFile;
}
