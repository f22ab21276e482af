import { berlinIsoDate } from '../../shared/format.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import { digestMail, mailSafeText } from './messages.js';
import { smtpCode, type MailTransport } from './mailTransport.js';

export interface MailWorkerOptions {
  publicUrl: string;
  /** First retry after this long, doubling with each failed attempt (exponential backoff). */
  retryBaseMs?: number;
  maxAttempts?: number;
  /** How often the outbox is looked at when nothing wakes the worker. */
  pollMs?: number;
  /** The digest interval (a day). */
  digestEveryMs?: number;
  now?: () => number;
}

/**
 * Sends the mail outbox (migrations/005-notifications.ts), in-process. At most once: a row is set
 * to "sending" (committed) before the SMTP call and to "sent" after it. The one window: the
 * process is killed after the SMTP server accepted the mail and before "sent" is committed. Such
 * a row is found in "sending" at the next start, set to "unknown" and logged
 * (`mail-outcome-unknown`), never sent again: a mail lost is better than a mail sent twice.
 *
 * A failing SMTP server only delays mail: commands never wait for this worker.
 */
export class MailWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly retryBaseMs: number;
  private readonly maxAttempts: number;
  private readonly pollMs: number;
  private readonly digestEveryMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly transport: MailTransport,
    private readonly log: Logger,
    private readonly options: MailWorkerOptions,
  ) {
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.pollMs = options.pollMs ?? 15_000;
    this.digestEveryMs = options.digestEveryMs ?? 24 * 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  async start(): Promise<void> {
    for (const mail of await this.store.notifications.abandonSending()) {
      this.log.warn('mail-outcome-unknown', { key: mail.key, recipient: mail.recipient, attempts: mail.attempts, note: 'killed between the SMTP call and marking it sent; not sent again' });
    }
    this.wake();
  }

  /** Looks at the outbox now (after a commit that wrote mail), or right after the current round. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.round()
      .catch((error: unknown) => {
        this.log.error('mail-worker-failed', { error: String(error) });
        return this.pollMs;
      })
      .then((delay) => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.wake();
        } else this.timer = setTimeout(() => this.wake(), delay);
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  /** Sends what is due; returns how long to wait before the next look (a retry may be due before the poll). */
  private async round(): Promise<number> {
    await this.queueDigests();
    let wait = this.pollMs;
    for (;;) {
      if (this.stopped) return wait;
      const due = await this.store.notifications.claimDue(this.now(), 10);
      if (due.length === 0) return wait;
      for (const mail of due) {
        if (this.stopped) {
          // Claimed but not tried: back to pending, so nothing is left in "sending" by a clean stop.
          await this.store.notifications.markFailedAttempt(mail.id, 'stopped before sending', this.now());
          continue;
        }
        try {
          await this.transport.send({ to: mail.address, subject: mail.subject, text: mail.body, key: mail.key });
          await this.store.notifications.markSent(mail.id, this.now());
          this.log.info('mail-sent', { key: mail.key, recipient: mail.recipient, attempts: mail.attempts });
        } catch (error: unknown) {
          const code = smtpCode(error);
          // 5xx is permanent (unknown mailbox, refused); 4xx and network errors are retried.
          const last = mail.attempts >= this.maxAttempts || (code !== null && code >= 500);
          const delay = this.retryBaseMs * 2 ** (mail.attempts - 1);
          await this.store.notifications.markFailedAttempt(mail.id, String(error), last ? null : this.now() + delay);
          this.log.warn(last ? 'mail-failed' : 'mail-retry', { key: mail.key, recipient: mail.recipient, attempts: mail.attempts, code, error: String(error) });
          if (!last) wait = Math.min(wait, delay);
        }
      }
    }
  }

  /** Users who chose the digest get one mail with what gathered since the last one, once a day. */
  private async queueDigests(): Promise<void> {
    const now = this.now();
    const candidates = await this.store.notifications.digestCandidates(now - this.digestEveryMs);
    for (const candidate of candidates) {
      const user = await this.store.users.list().then((users) => users.find((u) => u.username === candidate.username));
      if (!user?.active || !user.email) continue;
      const mail = digestMail(candidate.items.map((item) => ({ text: mailSafeText(item.kind, item.text), url: `${this.options.publicUrl}${item.link}` })));
      await this.store.notifications.enqueueDigest(candidate.username, candidate.items.map((i) => i.id), { address: user.email, ...mail }, `digest:${candidate.username}:${berlinIsoDate(now)}:${now}`, now);
    }
  }
}
