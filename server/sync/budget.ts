import { CONNECTION_BUDGET } from '../../shared/protocol.js';
import { MESSAGE_RATE, TokenBucket } from './rateLimit.js';

/**
 * What one connection may cost the server per time: messages, bytes and the server's own time
 * spent on them. Counting messages alone let a reader stall the server with 100 messages a
 * second that each cost 25 ms; counting work closes such a connection within a second or two,
 * whatever made its messages expensive. A person typing stays far below every budget.
 */
export class ConnectionBudget {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private readonly work: TokenBucket;

  constructor(now: () => number = Date.now) {
    this.messages = new TokenBucket(MESSAGE_RATE.perSecond, MESSAGE_RATE.burst, now);
    this.bytes = new TokenBucket(CONNECTION_BUDGET.bytes.perSecond, CONNECTION_BUDGET.bytes.burst, now);
    this.work = new TokenBucket(CONNECTION_BUDGET.workMs.perSecond, CONNECTION_BUDGET.workMs.burst, now);
  }

  /** Why the next message of `byteLength` bytes is refused, or null when it may be handled. */
  admit(byteLength: number): string | null {
    if (!this.messages.take()) return 'more messages per second than a person sends';
    if (!this.bytes.take(byteLength)) return 'more bytes per second than a person sends';
    if (!this.work.hasCredit()) return 'more server time per second than a person causes';
    return null;
  }

  /** Charges the time handling a message took; the debt refuses the next message until it is paid. */
  charge(workMs: number) {
    this.work.spend(workMs);
  }
}
