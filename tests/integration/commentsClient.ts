import type * as Y from 'yjs';
import { COMMENTS_ROOT, type CommentList, type CommentThread } from '../../shared/comments/types.js';
import { api } from './harness.js';

/** The comment commands through the HTTP API, as a browser would send them. */
export async function send(server: { url: string }, cookie: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await api(server, path, cookie, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

export async function createThread(server: { url: string }, cookie: string, agreementId: string, body: unknown): Promise<CommentThread> {
  const { status, json } = await send(server, cookie, 'POST', `/agreements/${agreementId}/comments`, body);
  if (status !== 201) throw new Error(`create thread: ${status} ${JSON.stringify(json)}`);
  return json as CommentThread;
}

export async function listThreads(server: { url: string }, cookie: string, agreementId: string): Promise<CommentList> {
  const { status, json } = await send(server, cookie, 'GET', `/agreements/${agreementId}/comments`);
  if (status !== 200) throw new Error(`list threads: ${status} ${JSON.stringify(json)}`);
  return json as CommentList;
}

export async function openThreads(server: { url: string }, cookie: string, agreementId: string): Promise<number> {
  const { json } = await send(server, cookie, 'GET', `/agreements/${agreementId}`);
  return (json as { openThreads: number }).openThreads;
}

/** The threads as a client's Y.Doc holds them (Y.Map "comments", written by the server). */
export function threadsIn(doc: Y.Doc): Map<string, CommentThread> {
  return new Map(doc.getMap<CommentThread>(COMMENTS_ROOT).entries());
}
