import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: http.Server;
let port = 0;

beforeAll(async () => {
  // Loaded as serve.ts loads it into each web worker: it patches http.Server for the process.
  const preload = new URL('./refuse-unknown-methods.mjs', import.meta.url).href;
  await import(preload);
  server = http.createServer((_request, response) => response.end('page'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
});

function send(method: string): Promise<{ status: number; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method, path: '/revocations' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('refuse-unknown-methods (web worker preload)', () => {
  // (TRACK and CONNECT never reach a handler: Node's parser answers TRACK with 400, CONNECT is its own event.)
  it.each(['TRACE', 'PROPFIND', 'MKCOL'])('%s gets 405 with Allow, before the app', async (method) => {
    expect(await send(method)).toEqual({ status: 405, allow: 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS', body: '' });
  });

  it.each(['GET', 'POST', 'DELETE', 'OPTIONS'])('%s reaches the app', async (method) => {
    expect(await send(method)).toMatchObject({ status: 200, body: 'page' });
  });
});
