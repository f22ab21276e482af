import { Hono } from 'hono';
import type { FieldsPatch } from '../../shared/api.js';
import type { AgreementDetails } from '../commands/agreementDetail.js';
import type { AgreementService } from '../commands/agreements.js';
import { fail } from '../errors.js';
import { isRecord, readJson, requireSession, type AppEnv } from './context.js';

function parseFieldsPatch(body: unknown): FieldsPatch {
  if (!isRecord(body)) fail(400, 'Bitte die zu ändernden Felder angeben.', 'fields patch is not an object');
  const unknownKeys = Object.keys(body).filter((key) => key !== 'amountCents');
  if (unknownKeys.length > 0) fail(400, 'Dieses Feld kann nicht geändert werden.', `unknown fields: ${unknownKeys.join(', ')}`);
  if (body.amountCents === undefined) fail(400, 'Bitte die zu ändernden Felder angeben.', 'empty fields patch');
  if (typeof body.amountCents !== 'number') fail(400, 'Bitte einen Betrag in Euro angeben, z. B. 462.800.', 'amountCents is not a number');
  return { amountCents: body.amountCents };
}

export function agreementRoutes(agreements: AgreementService, details: AgreementDetails) {
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await agreements.list(requireSession(c).user)))
    .get('/:id', async (c) => c.json(await details.detail(requireSession(c).user, c.req.param('id'))))
    .get('/:id/text', async (c) => {
      const text = await agreements.text(requireSession(c).user, c.req.param('id'));
      return c.text(text, 200, { 'Content-Type': 'text/plain; charset=utf-8' });
    })
    .patch('/:id/fields', async (c) => {
      const { user } = requireSession(c);
      const patch = parseFieldsPatch(await readJson(c));
      await agreements.setFields(user, c.req.param('id'), patch);
      return c.json(await details.detail(user, c.req.param('id')));
    });
}
