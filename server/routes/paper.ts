import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { PaperService } from '../commands/paper.js';
import { fail } from '../errors.js';
import { readJson, requireSession, type AppEnv } from './context.js';
import { MAX_SCAN_BYTES } from './signoff.js';

/** The scan travels as base64 inside the JSON (4/3 of its size) beside the text of the form. */
const MAX_PAPER_BODY = Math.ceil((MAX_SCAN_BYTES * 4) / 3) + 256 * 1024;

/** POST /api/agreements/paper (docs/api.md, „Runden"): an agreement signed on paper, recorded. */
export function paperRoutes(paper: PaperService) {
  return new Hono<AppEnv>().post(
    '/paper',
    bodyLimit({ maxSize: MAX_PAPER_BODY, onError: () => fail(413, 'Der Scan ist zu groß (höchstens 10 MiB).', 'paper agreement over the limit') }),
    async (c) => {
      const { user } = requireSession(c);
      return c.json(await paper.recordRequest(user, await readJson(c, MAX_PAPER_BODY)), 201);
    },
  );
}
