import { Hono } from 'hono';
import * as v from 'valibot';
import type { TemplatePublishRefusal } from '../../shared/template/model.js';
import type { TemplateService } from '../templates/service.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

/** The service checks bodies after it has authorised the user (403 before 400); here only that they are JSON. */
const AnyJson = v.unknown();

/** /api/templates… (docs/api.md, „Vorlagen“). The service authorises and validates; here only paths and formats. */
export function templateRoutes(templates: TemplateService) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await templates.list(requireSession(c).user)))
    .post('/', jsonBody(AnyJson), async (c) => c.json(await templates.create(requireSession(c).user, c.req.valid('json')), 201))
    .get('/:version', async (c) => c.json(await templates.detail(requireSession(c).user, c.req.param('version'))))
    .patch('/:version', jsonBody(AnyJson), async (c) => c.json(await templates.change(requireSession(c).user, c.req.param('version'), c.req.valid('json'))))
    .delete('/:version', async (c) => {
      await templates.remove(requireSession(c).user, c.req.param('version'));
      return c.body(null, 204);
    })
    .post('/:version/publish', async (c) => {
      const outcome = await templates.publish(requireSession(c).user, c.req.param('version'));
      if (!outcome.ok) return c.json({ error: 'Die Fassung kann so nicht veröffentlicht werden.', problems: outcome.problems } satisfies TemplatePublishRefusal, 409);
      return c.json(outcome.detail);
    })
    .get('/:a/compare/:b', async (c) => c.json(await templates.compare(requireSession(c).user, c.req.param('a'), c.req.param('b'))))
    .get('/:version/preview', async (c) => {
      const text = await templates.preview(requireSession(c).user, c.req.param('version'), c.req.query('district'), c.req.query('year'));
      return c.text(text, 200, { 'Content-Type': 'text/plain; charset=utf-8' });
    });
}
