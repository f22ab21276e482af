import { useEffect, useState } from 'react';
import type { Board, BoardRow } from '../../../../shared/rounds/types.js';
import { ApiError } from '../../api.js';
import { useSession } from '../../session.js';
import { boardEventsUrl, roundsApi } from '../api.js';
import { mergeRow } from './boardView.js';

export type LiveBoard =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; board: Board; live: boolean };

function isBoardRow(value: unknown): value is BoardRow {
  return typeof value === 'object' && value !== null && 'agreementId' in value && typeof value.agreementId === 'string' && 'status' in value;
}

/**
 * The board of a year, kept current by the server's event stream (no polling): each `row` event
 * replaces one row. The board is read after each `ready` (the first and after every reconnect,
 * which EventSource does by itself), so events sent while the stream was down are not lost.
 */
export function useLiveBoard(year: number | null): LiveBoard {
  const { expired } = useSession();
  const [state, setState] = useState<LiveBoard>({ kind: 'loading' });

  useEffect(() => {
    if (year === null) return;
    let current = true;
    let live = false;
    setState({ kind: 'loading' });
    const load = () =>
      roundsApi.board(year).then(
        (board) => current && setState({ kind: 'loaded', board, live }),
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) expired();
          else if (current) setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        },
      );
    const events = new EventSource(boardEventsUrl(year));
    const setLive = (now: boolean) => {
      live = now;
      setState((previous) => (previous.kind === 'loaded' ? { ...previous, live: now } : previous));
    };
    // `ready` comes once the server's subscription is in place: a board read after it misses nothing.
    events.addEventListener('ready', () => {
      setLive(true);
      void load();
    });
    events.addEventListener('error', () => {
      setLive(false);
      // A refused stream (an answer other than 200) is not retried by EventSource: read the board
      // once, which shows the server's message, instead of waiting for a `ready` that never comes.
      if (events.readyState === EventSource.CLOSED) void load();
    });
    events.addEventListener('row', (event) => {
      let row: unknown;
      try {
        row = JSON.parse((event as MessageEvent<string>).data);
      } catch (error: unknown) {
        console.error(`board ${year}: unreadable row event`, error);
        return;
      }
      if (!isBoardRow(row)) return;
      setState((previous) => (previous.kind === 'loaded' ? { ...previous, board: { ...previous.board, rows: mergeRow(previous.board.rows, row) } } : previous));
    });
    return () => {
      current = false;
      events.close();
    };
  }, [year, expired]);

  return state;
}
