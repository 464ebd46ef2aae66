import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { z } from 'zod';
import { describeDatabaseError } from '../../db/errors';
import type { UserRole } from '../../db/schema/users';
import { AuthorizationError } from '../../lib/auth/errors';
import { requireUser, type SessionUser } from '../auth/session';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/http/errors';
import { describeRequestIssues } from '../../lib/http/describe-request-issues';

type Params = Record<string, string | string[]>;

interface RouteOptions<Body extends z.ZodType | undefined> {
  /** Roles allowed to call; an empty list means any signed-in user. Never omitted by accident: required. */
  roles: UserRole[];
  body?: Body;
}

type Handler<Body extends z.ZodType | undefined> = (context: {
  request: NextRequest;
  user: SessionUser;
  body: Body extends z.ZodType ? z.infer<Body> : undefined;
  params: Params;
}) => Promise<Response | unknown> | Response | unknown;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A state-changing request must come from our own pages: the Origin (or Referer) header must
 * match the host. Together with SameSite=Lax session cookies this stops cross-site forgery.
 */
function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get('origin') ?? request.headers.get('referer');
  if (!origin) return false;
  try {
    return new URL(origin).host === request.headers.get('host');
  } catch {
    return false;
  }
}

function errorResponse(status: number, message: string): NextResponse {
  return NextResponse.json({ error: message }, { status });
}

/**
 * Every route handler goes through here: same-origin check for writes, authentication and role
 * check on the server, zod validation of the body, and typed errors turned into statuses.
 * Unexpected errors are logged without detail to the client (no stack traces leave the server).
 */
export function defineRoute<Body extends z.ZodType | undefined = undefined>(options: RouteOptions<Body>, handler: Handler<Body>) {
  return async (request: NextRequest, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      if (STATE_CHANGING.has(request.method) && !isSameOrigin(request)) return errorResponse(403, 'Cross-site request refused.');
      const user = await requireUser(...options.roles);
      let body: unknown = undefined;
      if (options.body) {
        const raw: unknown = await request.json().catch(() => undefined);
        const parsed = options.body.safeParse(raw);
        if (!parsed.success) {
          // Shown under the form as is: sentences, never field paths (`decision.justification: …`).
          return errorResponse(400, describeRequestIssues(parsed.error.issues));
        }
        body = parsed.data;
      }
      const params = (await context.params) ?? {};
      const result = await handler({ request, user, body: body as never, params });
      return result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
    } catch (error) {
      if (error instanceof AuthorizationError) return errorResponse(error.status, error.message);
      if (error instanceof NotFoundError || error instanceof ConflictError || error instanceof ValidationError) {
        return errorResponse(error.status, error.message);
      }
      console.error(`[route] ${request.method} ${request.nextUrl.pathname} failed: ${(error as Error).name}: ${(error as Error).message}`);
      // A busy or full database is not a bug: say so (and that the transaction left nothing behind).
      const databaseProblem = describeDatabaseError(error);
      if (databaseProblem) return errorResponse(databaseProblem.status, databaseProblem.message);
      return errorResponse(500, 'Something went wrong on the server. The error was logged.');
    }
  };
}
