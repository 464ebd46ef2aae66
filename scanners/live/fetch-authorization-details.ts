import { GetAccountAuthorizationDetailsCommand, type IAMClient } from '@aws-sdk/client-iam';
import { z } from 'zod';
import type { AuthorizationDetails } from '../raw-types';
import { collectPages } from './collect-pages';
import { UnexpectedResponseError } from './errors';
import { toRawJson } from './raw-json';

const named = (key: string) => z.looseObject({ [key]: z.string(), Arn: z.string() });

// What a page must look like to be an IAM answer. IsTruncated is always present in a real answer;
// its absence means the body was something else (an HTML error page that happened to parse).
const pageSchema = z.looseObject({
  UserDetailList: z.array(named('UserName')).default([]),
  GroupDetailList: z.array(named('GroupName')).default([]),
  RoleDetailList: z.array(named('RoleName')).default([]),
  Policies: z.array(named('PolicyName')).default([]),
  IsTruncated: z.boolean(),
  Marker: z.string().optional(),
});

type Entity = 'UserDetailList' | 'GroupDetailList' | 'RoleDetailList' | 'Policies';

/**
 * All pages of GetAccountAuthorizationDetails merged into the shape `aws iam
 * get-account-authorization-details` prints. Policy documents stay the URL-encoded strings IAM
 * sends: the mappers decode them, exactly as for files that kept the API's encoding.
 *
 * @param pageSize MaxItems per call (IAM allows 1..1000; 100 by default like the CLI's page).
 */
export async function fetchAuthorizationDetails(client: IAMClient, options: { signal?: AbortSignal; pageSize?: number } = {}): Promise<AuthorizationDetails> {
  const entities = await collectPages(async (Marker) => {
    const output = await client.send(new GetAccountAuthorizationDetailsCommand({ Marker, MaxItems: options.pageSize ?? 100 }), { abortSignal: options.signal });
    const raw = toRawJson(output);
    const parsed = pageSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new UnexpectedResponseError(`GetAccountAuthorizationDetails answered an unexpected shape (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})`);
    }
    if (parsed.data.IsTruncated && !parsed.data.Marker) throw new UnexpectedResponseError('GetAccountAuthorizationDetails is truncated but has no Marker');
    const lists: Entity[] = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'];
    return { items: lists.map((list) => ({ list, values: parsed.data[list] })), nextToken: parsed.data.IsTruncated ? parsed.data.Marker : undefined };
  });
  const merge = (list: Entity) => entities.filter((entry) => entry.list === list).flatMap((entry) => entry.values);
  // The schema checked the fields the mappers key on; the rest is the SDK's typed model, printed as the CLI prints it.
  return {
    UserDetailList: merge('UserDetailList'),
    GroupDetailList: merge('GroupDetailList'),
    RoleDetailList: merge('RoleDetailList'),
    Policies: merge('Policies'),
  } as unknown as AuthorizationDetails;
}
