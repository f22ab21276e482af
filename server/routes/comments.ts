import { Hono } from 'hono';
import { CommentTextRequestSchema, NewThreadRequestSchema } from '../../shared/schemas/comments.js';
import type { CommentService } from '../commands/comments.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

/**
 * /api/agreements/:id/comments: the comment commands (docs/api.md, "Kommentare"). The bodies
 * are checked against shared/schemas/comments.ts; the service checks the passage against the
 * document.
 */
export function commentRoutes(comments: CommentService) {
  return new Hono<AppEnv>()
    .get('/:id/comments', async (c) => c.json(await comments.list(requireSession(c).user, c.req.param('id'))))
    .get('/:id/participants', async (c) => c.json(await comments.participants(requireSession(c).user, c.req.param('id'))))
    .post('/:id/comments', jsonBody(NewThreadRequestSchema), async (c) => {
      const { user } = requireSession(c);
      return c.json(await comments.create(user, c.req.param('id'), c.req.valid('json')), 201);
    })
    .post('/:id/comments/:threadId/replies', jsonBody(CommentTextRequestSchema), async (c) => {
      const { user } = requireSession(c);
      return c.json(await comments.reply(user, c.req.param('id'), c.req.param('threadId'), c.req.valid('json').text), 201);
    })
    .patch('/:id/comments/:threadId/comments/:commentId', jsonBody(CommentTextRequestSchema), async (c) => {
      const { user } = requireSession(c);
      const { text } = c.req.valid('json');
      return c.json(await comments.edit(user, c.req.param('id'), c.req.param('threadId'), c.req.param('commentId'), text));
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
