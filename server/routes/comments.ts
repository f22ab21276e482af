import { Hono } from 'hono';
import type { NewThreadRequest } from '../../shared/comments/types.js';
import type { CommentService } from '../commands/comments.js';
import { fail } from '../errors.js';
import { isRecord, readJson, requireSession, type AppEnv } from './context.js';

/** Only the keys a request may carry; anything else is a client error, not something to ignore. */
function body(value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (!isRecord(value)) fail(400, 'Bitte einen Kommentar eingeben.', 'comment body is not an object');
  const unknownKeys = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknownKeys.length > 0) fail(400, 'Die Anfrage enthält unbekannte Angaben.', `unknown keys: ${unknownKeys.join(', ')}`);
  return value;
}

function parseNewThread(value: unknown): NewThreadRequest {
  const request = body(value, ['entryId', 'text', 'passage']);
  if (typeof request.entryId !== 'string' || request.entryId.length === 0 || request.entryId.length > 100) {
    fail(400, 'Bitte das Projekt angeben, zu dem der Kommentar gehört.', 'missing entryId');
  }
  return {
    entryId: request.entryId,
    text: request.text as string,
    ...(request.passage === undefined || request.passage === null ? {} : { passage: request.passage as NewThreadRequest['passage'] & object }),
  };
}

/**
 * /api/agreements/:id/comments: the comment commands (docs/api.md, "Kommentare"). The service
 * checks the text and the passage; here only the shape of the request.
 */
export function commentRoutes(comments: CommentService) {
  return new Hono<AppEnv>()
    .get('/:id/comments', async (c) => c.json(await comments.list(requireSession(c).user, c.req.param('id'))))
    .get('/:id/participants', async (c) => c.json(await comments.participants(requireSession(c).user, c.req.param('id'))))
    .post('/:id/comments', async (c) => {
      const { user } = requireSession(c);
      const request = parseNewThread(await readJson(c));
      return c.json(await comments.create(user, c.req.param('id'), request), 201);
    })
    .post('/:id/comments/:threadId/replies', async (c) => {
      const { user } = requireSession(c);
      const request = body(await readJson(c), ['text']);
      return c.json(await comments.reply(user, c.req.param('id'), c.req.param('threadId'), request.text), 201);
    })
    .patch('/:id/comments/:threadId/comments/:commentId', async (c) => {
      const { user } = requireSession(c);
      const request = body(await readJson(c), ['text']);
      return c.json(await comments.edit(user, c.req.param('id'), c.req.param('threadId'), c.req.param('commentId'), request.text));
    })
    .delete('/:id/comments/:threadId/comments/:commentId', async (c) => {
      const { user } = requireSession(c);
      const thread = await comments.remove(user, c.req.param('id'), c.req.param('threadId'), c.req.param('commentId'));
      return c.json({ thread });
    })
    .post('/:id/comments/:threadId/resolve', async (c) => {
      const { user } = requireSession(c);
      return c.json(await comments.resolve(user, c.req.param('id'), c.req.param('threadId')));
    })
    .post('/:id/comments/:threadId/reopen', async (c) => {
      const { user } = requireSession(c);
      return c.json(await comments.reopen(user, c.req.param('id'), c.req.param('threadId')));
    });
}
