import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { BoardRow } from '../../shared/rounds/types.js';
import type { BoardService } from '../commands/board.js';
import { boardCsv, boardCsvFilename } from '../commands/boardCsv.js';
import type { BoardEvents } from '../commands/boardEvents.js';
import type { ChangesService } from '../commands/changes.js';
import { parseYear, type RoundService } from '../commands/rounds.js';
import type { Logger } from '../log.js';
import * as v from 'valibot';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

/**
 * The round bodies are checked by the round service after it has authorised the user (403 before
 * 400), with the same rules the „Neue Runde“ form uses (shared/rounds/validate.ts); here only that
 * the body is JSON.
 */
const AnyJson = v.unknown();

/** Keeps proxies from closing a quiet event stream (most close after 30–60 s of silence). */
const PING_MS = 25_000;

export interface RoundRouteDeps {
  rounds: RoundService;
  board: BoardService;
  events: BoardEvents;
  changes: ChangesService;
  log: Logger;
}

/**
 * /api/districts, /api/rounds… and /api/agreements/:id/changes-since-previous (docs/api.md,
 * „Runden"). The services authorise and validate; here only paths and formats.
 */
export function roundRoutes({ rounds, board, events, changes, log }: RoundRouteDeps) {
  return new Hono<AppEnv>()
    .get('/agreements/:id/changes-since-previous', async (c) => c.json(await changes.sincePrevious(requireSession(c).user, c.req.param('id'))))
    .get('/districts', (c) => c.json(rounds.districts(requireSession(c).user)))
    .get('/rounds', async (c) => c.json(await rounds.list(requireSession(c).user)))
    .post('/rounds', jsonBody(AnyJson), async (c) => {
      const { user } = requireSession(c);
      return c.json(await rounds.create(user, c.req.valid('json')), 201);
    })
    .post('/rounds/:year/agreements', jsonBody(AnyJson), async (c) => {
      const { user } = requireSession(c);
      return c.json(await rounds.addAgreements(user, parseYear(c.req.param('year')), c.req.valid('json')), 201);
    })
    .get('/rounds/:year/prefill', async (c) => c.json(await rounds.prefill(requireSession(c).user, parseYear(c.req.param('year')))))
    .get('/rounds/:year/board', async (c) => c.json(await board.board(requireSession(c).user, parseYear(c.req.param('year')))))
    .get('/rounds/:year/board.csv', async (c) => {
      const result = await board.board(requireSession(c).user, parseYear(c.req.param('year')));
      return c.body(boardCsv(result), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${boardCsvFilename(result)}"`,
      });
    })
    .get('/rounds/:year/events', async (c) => {
      const session = requireSession(c);
      const { user } = session;
      rounds.authorize(user, 'watch');
      const year = parseYear(c.req.param('year'));
      await rounds.round(year);
      return streamSSE(c, async (stream) => {
        let ended = false;
        let timer: NodeJS.Timeout | undefined;
        let wake = () => {};
        const end = () => {
          ended = true;
          clearTimeout(timer);
          wake();
        };
        const send = (row: BoardRow) => {
          stream.writeSSE({ event: 'row', data: JSON.stringify(row) }).catch((error: unknown) => {
            log.info('board-stream-write-failed', { user: user.username, year, error: String(error) });
          });
        };
        const unsubscribe = events.subscribe(session, year, send, end);
        stream.onAbort(end);
        try {
          await stream.writeSSE({ event: 'ready', data: '{}' });
          for (;;) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              timer = setTimeout(resolve, PING_MS);
            });
            // Logged out, expired, closed by the browser or by the server: the stream ends here.
            if (ended || stream.aborted || session.expiresAt <= Date.now()) break;
            await stream.writeSSE({ event: 'ping', data: '' });
          }
        } finally {
          clearTimeout(timer);
          unsubscribe();
        }
      });
    });
}
