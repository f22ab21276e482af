import type { SessionUser } from '../../shared/api.js';
import type { BoardRow } from '../../shared/rounds/types.js';
import type { Logger } from '../log.js';
import { mayWatchRow } from '../policies/rounds.js';

/** The current row of an agreement with its round's year and district; null outside a round. */
export type RowSource = (agreementId: string) => Promise<{ year: number; districtId: string; row: BoardRow } | null>;

/** The session a stream rides on: logging out, or its expiry, ends the stream. */
export interface WatchingSession {
  user: SessionUser;
  tokenHash: string;
  expiresAt: number;
}

interface Subscriber {
  session: WatchingSession;
  year: number;
  send(row: BoardRow): void;
  end(): void;
}

/** How often one agreement's row is sent at most: typing produces an update per keystroke. */
export const BOARD_EVENT_INTERVAL_MS = 1000;

/**
 * The live board (GET /api/rounds/:year/events). Whatever changes an agreement's document — an
 * edit, a comment, a release, a signature, a reopen, the amount — touches its row here; the row
 * is read again from the records and sent to every subscriber of its year who may read it. A
 * district user only ever receives its own district's rows.
 *
 * Per agreement the first change is sent at once and later ones are gathered: at most one row
 * per interval, and the last change of a burst is always sent. With nobody watching, a touch
 * costs nothing.
 */
export class BoardEvents {
  private readonly subscribers = new Set<Subscriber>();
  /** Agreements inside their interval; true when another change arrived during it. */
  private readonly windows = new Map<string, { timer: NodeJS.Timeout; pending: boolean }>();

  constructor(
    private readonly rowOf: RowSource,
    private readonly log: Logger,
    private readonly intervalMs = BOARD_EVENT_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** `end` is called when the stream must stop: its session logged out or expired, or the server closes. */
  subscribe(session: WatchingSession, year: number, send: (row: BoardRow) => void, end: () => void): () => void {
    const subscriber: Subscriber = { session, year, send, end };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  /** Ends every stream of a session that logged out (as its websockets are closed). */
  endSession(tokenHash: string): void {
    for (const subscriber of [...this.subscribers]) if (subscriber.session.tokenHash === tokenHash) this.drop(subscriber);
  }

  private drop(subscriber: Subscriber) {
    this.subscribers.delete(subscriber);
    subscriber.end();
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  touch(agreementId: string): void {
    if (this.subscribers.size === 0) return;
    const window = this.windows.get(agreementId);
    if (window) {
      window.pending = true;
      return;
    }
    this.open(agreementId);
    void this.emit(agreementId);
  }

  private open(agreementId: string) {
    const timer = setTimeout(() => {
      const window = this.windows.get(agreementId);
      this.windows.delete(agreementId);
      if (window?.pending) {
        this.open(agreementId);
        void this.emit(agreementId);
      }
    }, this.intervalMs);
    timer.unref();
    this.windows.set(agreementId, { timer, pending: false });
  }

  private async emit(agreementId: string): Promise<void> {
    try {
      const current = await this.rowOf(agreementId);
      if (!current) return;
      const now = this.now();
      for (const subscriber of [...this.subscribers]) {
        if (subscriber.session.expiresAt <= now) this.drop(subscriber);
        else if (subscriber.year === current.year && mayWatchRow(subscriber.session.user, current.districtId)) subscriber.send(current.row);
      }
    } catch (error: unknown) {
      this.log.warn('board-event-failed', { agreement: agreementId, error: error instanceof Error ? error.message : String(error) });
    }
  }

  close(): void {
    for (const window of this.windows.values()) clearTimeout(window.timer);
    this.windows.clear();
    for (const subscriber of [...this.subscribers]) this.drop(subscriber);
  }
}
