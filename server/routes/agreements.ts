import { Hono } from 'hono';
import { FieldsPatchSchema } from '../../shared/schemas/fields.js';
import type { AgreementDetails } from '../commands/agreementDetail.js';
import type { AgreementService } from '../commands/agreements.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

export function agreementRoutes(agreements: AgreementService, details: AgreementDetails) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await agreements.list(requireSession(c).user)))
    .get('/:id', async (c) => c.json(await details.detail(requireSession(c).user, c.req.param('id'))))
    .get('/:id/text', async (c) => {
      const text = await agreements.text(requireSession(c).user, c.req.param('id'));
      return c.text(text, 200, { 'Content-Type': 'text/plain; charset=utf-8' });
    })
    .patch('/:id/fields', jsonBody(FieldsPatchSchema), async (c) => {
      const { user } = requireSession(c);
      await agreements.setFields(user, c.req.param('id'), c.req.valid('json'));
      return c.json(await details.detail(user, c.req.param('id')));
    });
}
