/**
 * Websocket pings to every connection. A laptop that went to sleep or lost its network never
 * closes its socket; without pings its user would stay "online" in everyone's editor (awareness)
 * until TCP gives up, which can take many minutes. Browsers answer pings themselves, even in a
 * background tab, so a missing pong means the peer is gone.
 */
export interface HeartbeatOptions {
  /** How often every connection is pinged. */
  intervalMs: number;
  /** A connection that sent nothing (no pong, no message) for this long is closed. */
  timeoutMs: number;
}

export const HEARTBEAT: HeartbeatOptions = { intervalMs: 10_000, timeoutMs: 30_000 };

/** What the heartbeat needs of a connection. */
export interface Heartbeating {
  /** When the peer last showed a sign of life (a pong or any message). */
  readonly lastSeen: number;
  ping(): void;
  /** The peer did not answer in time: close it and forget its presence. */
  timedOut(silentForMs: number): void;
}

export class Heartbeat {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: HeartbeatOptions,
    private readonly members: () => Iterable<Heartbeating>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts beating if it is not already; the timer never keeps the process alive. */
  start() {
    if (this.timer) return;
    this.timer = setInterval(() => this.beat(), this.options.intervalMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One round: close who has been silent too long, ping everyone else. */
  beat() {
    const now = this.now();
    for (const member of [...this.members()]) {
      const silentFor = now - member.lastSeen;
      if (silentFor >= this.options.timeoutMs) member.timedOut(silentFor);
      else member.ping();
    }
  }
}
