import { NextResponse, type NextRequest } from 'next/server';
import { ALLOWED_METHODS, isAllowedMethod } from './lib/http/allowed-methods';

/** Refuses methods the app does not answer (TRACE, CONNECT, ...) with 405 and an Allow header. */
export function proxy(request: NextRequest): NextResponse {
  if (isAllowedMethod(request.method)) return NextResponse.next();
  return new NextResponse(null, { status: 405, headers: { allow: ALLOWED_METHODS.join(', ') } });
}

export const config = {
  // Every path but Next.js's own static assets.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
