import { Hono } from 'hono';
import * as v from 'valibot';
import type { PaperService } from '../commands/paper.js';
import { limitBody, MAX_SCAN_BYTES } from './bodyLimit.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

/**
 * The body is checked by the paper service after it has authorised the user (403 before 400), with
 * the rules the form uses (shared/paper/validate.ts); here only that it is JSON of bounded size.
 */
const AnyJson = v.unknown();

/** The scan travels as base64 inside the JSON (4/3 of its size) beside the text of the form. */
const MAX_PAPER_BODY = Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 256 * 1024;

/** POST /api/agreements/paper (docs/api.md, „Runden"): an agreement signed on paper, recorded. */
export function paperRoutes(paper: PaperService) {
  return new Hono<AppEnv>().post(
    '/paper',
    limitBody(MAX_PAPER_BODY, 'Der Scan ist zu groß (höchstens 10 MiB).'),
    jsonBody(AnyJson),
    async (c) => {
      const { user } = requireSession(c);
      return c.json(await paper.recordRequest(user, c.req.valid('json')), 201);
    },
  );
}
