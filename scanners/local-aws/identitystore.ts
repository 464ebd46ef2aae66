import type { RawIdentityCenter } from '../raw-identity-center';
import type { CallContext, JsonHandler } from './call-context';
import { AwsApiError } from './errors';
import { identityCenterOf, jsonPage, requiredString } from './identity-center-data';

/**
 * Identity store actions (`identitystore`, JSON 1.1, `X-Amz-Target: AWSIdentityStore.<Action>`),
 * the read side the scanner calls. Items are served as stored (the shapes `list-users` prints).
 */

function store(context: CallContext, input: Record<string, unknown>): RawIdentityCenter {
  const data = identityCenterOf(context);
  const identityStoreId = requiredString(input, 'IdentityStoreId');
  if (identityStoreId !== data.IdentityStoreId) {
    throw new AwsApiError('ResourceNotFoundException', `IdentityStore ${identityStoreId} does not exist`, 400);
  }
  return data;
}

function withStore<T extends object>(data: RawIdentityCenter, items: T[]): Array<T & { IdentityStoreId: string }> {
  return items.map((item) => ({ ...item, IdentityStoreId: data.IdentityStoreId }));
}

/** The read actions of identitystore, by action name. */
export const identityStoreReadHandlers: Record<string, JsonHandler> = {
  ListUsers: (context, input) => {
    const data = store(context, input);
    const page = jsonPage(input, data.Users, 50);
    return { Users: withStore(data, page.items), ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
  },
  ListGroups: (context, input) => {
    const data = store(context, input);
    const page = jsonPage(input, data.Groups, 50);
    return { Groups: withStore(data, page.items), ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
  },
  ListGroupMemberships: (context, input) => {
    const data = store(context, input);
    const groupId = requiredString(input, 'GroupId');
    if (!data.Groups.some((group) => group.GroupId === groupId)) throw new AwsApiError('ResourceNotFoundException', `GROUP not found: ${groupId}`, 400);
    const page = jsonPage(input, data.GroupMemberships.filter((membership) => membership.GroupId === groupId), 50);
    return { GroupMemberships: withStore(data, page.items), ...(page.NextToken ? { NextToken: page.NextToken } : {}) };
  },
};
