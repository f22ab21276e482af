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
 * replaces one row. After the stream was interrupted, the board is read once more, because events
 * sent meanwhile are lost; EventSource reconnects by itself.
 */
export function useLiveBoard(year: number | null): LiveBoard {
  const { expired } = useSession();
  const [state, setState] = useState<LiveBoard>({ kind: 'loading' });

  useEffect(() => {
    if (year === null) return;
    let current = true;
    let interrupted = false;
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
    events.addEventListener('open', () => {
      setLive(true);
      if (interrupted) void load();
      interrupted = false;
    });
    events.addEventListener('error', () => {
      interrupted = true;
      setLive(false);
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
    void load();
    return () => {
      current = false;
      events.close();
    };
  }, [year, expired]);

  return state;
}
