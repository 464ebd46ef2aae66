import fs from 'node:fs';
import path from 'node:path';

export type Role = 'admin' | 'auditor' | 'owner';
export const ROLES: Role[] = ['admin', 'auditor', 'owner'];

export interface RouteEntry {
  file: string;
  /** URL with every dynamic segment replaced by an id that does not exist. */
  url: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  roles: Role[];
  hasParams: boolean;
  hasBody: boolean;
}

const NONEXISTENT_ID = '999999';
const HANDLER = /export\s+const\s+(GET|POST|PUT|PATCH|DELETE)\s*=\s*defineRoute\(\s*\{\s*roles:\s*\[([^\]]*)\]([^)]*?)\}/g;
const ANY_EXPORTED_METHOD = /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b|export\s*\{[^}]*\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g;

function listRouteFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return listRouteFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/**
 * Every route handler of the app, read from the files themselves (not a hand-kept list), with
 * the roles its `defineRoute` call allows. next-auth's own handler is the only route that may
 * skip `defineRoute`; any other handler that does is reported as unguarded.
 */
export function enumerateRoutes(root = path.join(process.cwd(), 'app', 'api')): { routes: RouteEntry[]; unguarded: string[] } {
  const routes: RouteEntry[] = [];
  const unguarded: string[] = [];
  for (const file of listRouteFiles(root)) {
    const relative = path.relative(path.join(process.cwd(), 'app'), file);
    if (relative.startsWith(path.join('api', 'auth'))) continue;
    const text = fs.readFileSync(file, 'utf8');
    const guarded = new Set<string>();
    for (const match of text.matchAll(HANDLER)) {
      const method = match[1] as RouteEntry['method'];
      guarded.add(method);
      const roles = [...match[2].matchAll(/'(admin|auditor|owner)'/g)].map((role) => role[1] as Role);
      const segments = path.dirname(relative).split(path.sep);
      const hasParams = segments.some((segment) => segment.startsWith('['));
      const url = `/${segments.map((segment) => (segment.startsWith('[') ? NONEXISTENT_ID : segment)).join('/')}`;
      routes.push({ file: relative, url, method, roles: roles.length === 0 ? [...ROLES] : roles, hasParams, hasBody: /body:/.test(match[3]) });
    }
    for (const match of text.matchAll(ANY_EXPORTED_METHOD)) {
      const method = match[1] ?? match[2];
      if (!guarded.has(method)) unguarded.push(`${relative} ${method}`);
    }
  }
  return { routes, unguarded };
}
