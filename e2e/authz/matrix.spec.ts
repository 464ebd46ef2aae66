import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN, AUDITOR, OWNER, signIn } from '../support/auth';
import { enumerateRoutes, ROLES, type Role, type RouteEntry } from './route-matrix';

const PERSONA: Record<Role, string> = { admin: ADMIN, auditor: AUDITOR, owner: OWNER };
const { routes, unguarded } = enumerateRoutes();

function call(request: APIRequestContext, route: RouteEntry, baseURL: string | undefined) {
  // An invalid body: an allowed caller gets a 400 (or a 404 for the missing id), never a change.
  return request.fetch(route.url, {
    method: route.method,
    headers: { origin: baseURL ?? 'http://localhost:3100', 'content-type': 'application/json' },
    data: route.method === 'GET' ? undefined : { unexpected: true },
  });
}

/** Writes with no id and no body would really change something when allowed: only the refusals are checked for them. */
function isSafeToCallAsAllowed(route: RouteEntry): boolean {
  return route.method === 'GET' || route.hasParams || route.hasBody;
}

test('every route handler goes through defineRoute with a role list', () => {
  expect(routes.length).toBeGreaterThanOrEqual(15);
  expect(unguarded).toEqual([]);
});

test.describe('anonymous visitor', () => {
  for (const route of routes) {
    test(`${route.method} ${route.url} -> 401`, async ({ request, baseURL }) => {
      expect((await call(request, route, baseURL)).status()).toBe(401);
    });
  }
});

for (const role of ROLES) {
  test.describe(`as ${role}`, () => {
    test.beforeEach(async ({ page }) => signIn(page, PERSONA[role]));
    for (const route of routes) {
      const isAllowed = route.roles.includes(role);
      if (isAllowed && !isSafeToCallAsAllowed(route)) continue;
      test(`${route.method} ${route.url} -> ${isAllowed ? 'allowed' : '403'}`, async ({ page, baseURL }) => {
        const status = (await call(page.request, route, baseURL)).status();
        if (isAllowed) expect([401, 403]).not.toContain(status);
        else expect(status).toBe(403);
      });
    }
  });
}
