import { Hono } from 'hono';
import { NewVersionRequestSchema, NoticesSeenRequestSchema } from '../../shared/history/schemas.js';
import { fail } from '../errors.js';
import type { SideParam, VersionService } from '../history/service.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

/** Only the decimal form the API hands out: Number() would also take "0x1", "1e0", " 1". */
function versionId(raw: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(raw)) fail(404, 'Diese Fassung gibt es nicht.', `version id ${raw.slice(0, 20)} is not an id`);
  return Number(raw);
}

const side = (raw: string): SideParam => (raw === 'now' ? 'now' : versionId(raw));

/**
 * /api/agreements/:id/versions, /attribution and /notices: version history (docs/api.md,
 * „Verlauf und Fassungen“; the event log itself is GET /:id/history in routes/signoff.ts).
 */
export function versionRoutes(versions: VersionService) {
  return new Hono<AppEnv>()
    .get('/:id/versions', async (c) => c.json(await versions.list(requireSession(c).user, c.req.param('id'))))
    .post('/:id/versions', jsonBody(NewVersionRequestSchema), async (c) => {
      const { user } = requireSession(c);
      return c.json(await versions.create(user, c.req.param('id'), c.req.valid('json').name), 201);
    })
    .get('/:id/versions/:from/compare/:to', async (c) => {
      const { user } = requireSession(c);
      return c.json(await versions.compare(user, c.req.param('id'), side(c.req.param('from')), side(c.req.param('to'))));
    })
    .post('/:id/versions/:versionId/restore', async (c) => {
      const { user } = requireSession(c);
      return c.json(await versions.restore(user, c.req.param('id'), versionId(c.req.param('versionId'))));
    })
    .get('/:id/attribution', async (c) => c.json(await versions.attribution(requireSession(c).user, c.req.param('id'))))
    .get('/:id/notices', async (c) => c.json({ notices: await versions.notices(requireSession(c).user, c.req.param('id')) }))
    .post('/:id/notices/seen', jsonBody(NoticesSeenRequestSchema), async (c) => {
      const { user } = requireSession(c);
      await versions.markSeen(user, c.req.param('id'), c.req.valid('json').upToEventId);
      return c.json({ ok: true });
    });
}
