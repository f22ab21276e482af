import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { GenericSchema } from 'valibot';
import { LoginRequestSchema } from '../../shared/schemas/auth.js';
import { CommentTextRequestSchema, NewThreadRequestSchema } from '../../shared/schemas/comments.js';
import { FieldsPatchSchema } from '../../shared/schemas/fields.js';
import { problemOf } from '../../shared/schemas/issues.js';
import { ReleaseRequestSchema, ReopenRequestSchema, SignRequestSchema } from '../../shared/schemas/signoff.js';
import { api, suiteServer, WMK } from './harness.js';

const ENTRY = 'p-wmk24-letswork';
const HASH = 'a'.repeat(64);
const THREAD = `/agreements/${WMK}/comments/t-x`;

/** Every route that takes a JSON body, with a body that breaks its schema and the field the answer must name. */
const ROUTES: { method: string; path: string; schema: GenericSchema; invalid: unknown; names: RegExp }[] = [
  { method: 'POST', path: '/login', schema: LoginRequestSchema, invalid: { username: 'wmk-referat' }, names: /Passwort/ },
  { method: 'PATCH', path: `/agreements/${WMK}/fields`, schema: FieldsPatchSchema, invalid: { amountCents: '462800' }, names: /Betrag/ },
  { method: 'PATCH', path: `/agreements/${WMK}/fields`, schema: FieldsPatchSchema, invalid: { year: 2030 }, names: /„year“/ },
  { method: 'POST', path: `/agreements/${WMK}/comments`, schema: NewThreadRequestSchema, invalid: { text: 'Hallo' }, names: /Projekt/ },
  { method: 'POST', path: `/agreements/${WMK}/comments`, schema: NewThreadRequestSchema, invalid: { entryId: ENTRY, text: 'Hallo', html: '<b>x</b>' }, names: /„html“/ },
  { method: 'POST', path: `${THREAD}/replies`, schema: CommentTextRequestSchema, invalid: { text: 42 }, names: /Kommentar/ },
  { method: 'PATCH', path: `${THREAD}/comments/c-x`, schema: CommentTextRequestSchema, invalid: { text: ' ' }, names: /Kommentar/ },
  { method: 'POST', path: `/agreements/${WMK}/release`, schema: ReleaseRequestSchema, invalid: { force: true }, names: /„force“/ },
  { method: 'POST', path: `/agreements/${WMK}/reopen`, schema: ReopenRequestSchema, invalid: {}, names: /begründen/ },
  { method: 'POST', path: `/agreements/${WMK}/sign`, schema: SignRequestSchema, invalid: { place: 'Eschwege', password: 'demo', hash: 'abc' }, names: /Prüfwert/ },
  { method: 'POST', path: `/agreements/${WMK}/sign`, schema: SignRequestSchema, invalid: { place: 'Eschwege', hash: HASH }, names: /Passwort/ },
];

/**
 * Sends the first `sendBytes` of a body announced as much larger (chunked, or with the Content-
 * Length given) and then holds the rest back: an answer can only come from a server that did not
 * wait for the whole body.
 */
function partialPost(url: string, path: string, sendBytes: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/api${path}`, { method: 'POST', headers });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.write(Buffer.alloc(sendBytes, 0x20));
  });
}

async function timed<T>(task: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await task();
  return { result, ms: performance.now() - start };
}

describe('request bodies', () => {
  const suite = suiteServer({ district: 'wmk-referat' });
  // Without a content type the body goes as bytes: fetch would label a string text/plain.
  const send = (method: string, path: string, body: string, contentType: string | null, cookie: string | null = suite.cookies.district) =>
    api(suite.server, path, cookie, contentType === null ? { method, body: new TextEncoder().encode(body) } : { method, body, headers: { 'content-type': contentType } });

  it('refuses an unauthenticated 50 MB login with 413 while it is still being sent, and other requests stay fast', async () => {
    const chunked = partialPost(suite.server.url, '/login', 1024 * 1024, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    const declared = partialPost(suite.server.url, '/login', 1024 * 1024, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
    const session = await timed(() => api(suite.server, '/session', null));
    expect(session.result.status).toBe(401);
    // Generous for a loaded machine: a server reading 50 MB in would not answer within it.
    expect(session.ms).toBeLessThan(2000);
    for (const refused of await Promise.all([chunked, declared])) {
      expect(refused).toEqual({ status: 413, body: JSON.stringify({ error: 'Die Anfrage ist zu groß.' }) });
    }
    expect(suite.server.log.lines.some((line) => line.event === 'request-refused' && String(line.details.cause).startsWith('request body over'))).toBe(true);
  });

  it('refuses a JSON body over 64 KiB on every route, also one that takes no body', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(64 * 1024) });
    for (const { method, path } of [...ROUTES, { method: 'POST', path: '/logout' }, { method: 'POST', path: `${THREAD}/resolve` }]) {
      const response = await send(method, path, big, 'application/json');
      expect({ path, status: response.status, body: await response.json() }).toEqual({ path, status: 413, body: { error: 'Die Anfrage ist zu groß.' } });
    }
  });

  it('takes only application/json (with or without charset) as JSON: application/jsonp and the rest are 415', async () => {
    const body = JSON.stringify({ username: 'wmk-referat', password: 'falsch' });
    for (const contentType of ['application/jsonp', 'application/json-seq', 'application/problem+json', 'text/plain', 'application/x-www-form-urlencoded', null]) {
      const response = await send('POST', '/login', body, contentType, null);
      expect({ contentType, status: response.status, body: await response.json() }).toEqual({ contentType, status: 415, body: { error: 'Die Anfrage muss JSON enthalten.' } });
    }
    for (const { method, path } of ROUTES) expect((await send(method, path, '{}', 'application/jsonp')).status).toBe(415);
    expect((await send('POST', '/login', body, 'Application/JSON; charset=utf-8', null)).status).toBe(401);
  });

  it('answers malformed JSON with 400 in German', async () => {
    const response = await send('POST', `/agreements/${WMK}/reopen`, '{"reason": ', 'application/json');
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 400, body: { error: 'Die Anfrage enthält kein gültiges JSON.' } });
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path} ${JSON.stringify(route.invalid)}`, route] as const))(
    'refuses %s with 400 and the schema’s German message, the one the client shows',
    async (_name, { method, path, schema, invalid, names }) => {
      const response = await send(method, path, JSON.stringify(invalid), 'application/json', path === '/login' ? null : suite.cookies.district);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: string };
      expect(error).toBe(problemOf(schema, invalid));
      expect(error).toMatch(names);
    },
  );

  it('asks for the session before it looks at a body', async () => {
    expect((await send('POST', `/agreements/${WMK}/reopen`, '{', 'text/plain', null)).status).toBe(401);
    const upload = await partialPost(suite.server.url, `/agreements/${WMK}/scans`, 1024, { 'content-type': 'application/pdf', 'content-length': String(50 * 1024 * 1024) });
    expect(upload.status).toBe(401);
  });
});
