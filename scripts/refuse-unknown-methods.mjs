/**
 * Preloaded into every web worker by scripts/serve.ts (`--import`). Next.js renders a page for
 * TRACE, and its proxy cannot even see TRACE, TRACK or CONNECT (the fetch standard forbids them
 * in a Request, so a proxy fails with a 500). Refusing them here, before Next.js, is the one
 * place that works: 405 with an Allow header for every method the app does not answer.
 */
import http from 'node:http';

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const allowed = new Set(ALLOWED_METHODS);
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitUnlessRefused(event, request, response) {
  if (event === 'request' && !allowed.has(request.method)) {
    response.writeHead(405, { allow: ALLOWED_METHODS.join(', '), 'content-length': '0' });
    response.end();
    return true;
  }
  return emit.apply(this, arguments);
};
