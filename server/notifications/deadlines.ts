import type { AgreementStatus } from '../../shared/api.js';
import { berlinIsoDate, formatDate } from '../../shared/format.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/types.js';
import type { Notifier } from './notifier.js';

/** The deadline kinds of notifications (their wording: messages.ts, their recipients: recipients.ts). */
export type DeadlineKind = 'deadline-soon' | 'deadline-overdue';

/** „Die Frist … endet am …“ from this many days before the deadline (issue 15: „in 7 days“). */
export const SOON_DAYS = 7;
/**
 * „… abgelaufen“ is sent from the day after the deadline for this many days: a run missed while
 * the server was down catches up, but a store that starts long after a round's deadline (an old
 * backup, the demo's past rounds) does not greet everyone with reminders of a bygone year.
 */
export const OVERDUE_CATCH_UP_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar days from `from` to `to`, both ISO dates ("2025-07-26" → "2025-07-31": 5). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Which reminder an agreement is due on `today` (the Europe/Berlin date), if any. Pure. Overdue
 * starts the day after the deadline day, as on the board (commands/board.ts, `isOverdue`).
 */
export function reminderDue(deadline: string, status: AgreementStatus, today: string): DeadlineKind | null {
  if (status === 'final') return null;
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft >= 0 && daysLeft <= SOON_DAYS) return 'deadline-soon';
  if (daysLeft < 0 && -daysLeft <= OVERDUE_CATCH_UP_DAYS) return 'deadline-overdue';
  return null;
}

export interface DeadlineReminderOptions {
  /** How often the job looks (an hour by default); tests shorten it. */
  everyMs?: number;
  /** The clock (tests set a day before or after a round's deadline). */
  now?: () => number;
}

/** The reminders are nobody's action: the server is their actor. */
const SERVER_ACTOR = { username: 'system', displayName: 'vereinbar' };

/**
 * Deadline reminders (issue 15): at start and then every `everyMs`, every agreement that is not
 * final and whose round's deadline is at most SOON_DAYS ahead gets its `deadline-soon`
 * notifications, and from the day after the deadline its `deadline-overdue` ones. Recipients,
 * texts and mail (per each user's settings and digest) come from the Notifier like every other
 * event's; the store writes each notification with its mail in one transaction.
 *
 * Exactly once per agreement, kind and recipient, across runs and restarts: each notification
 * carries the key `<kind>:<agreement>:<recipient>`, and the store's unique index
 * (migrations/008-notification-once.ts) refuses a second one. So a run may repeat freely: after a
 * crash, a second process, or a clock that runs twice over the same day. Someone who becomes an
 * editor or signatory of the agreement later still gets the reminder at the next run.
 */
export class DeadlineReminders {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private readonly everyMs: number;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly notifier: Notifier,
    private readonly log: Logger,
    options: DeadlineReminderOptions = {},
  ) {
    this.everyMs = options.everyMs ?? 60 * 60 * 1000;
    this.now = options.now ?? Date.now;
  }

  /** Runs once (the returned promise ends with that run; it never rejects), then every `everyMs` until stopped. */
  start(): Promise<void> {
    return this.tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): Promise<void> {
    this.timer = null;
    // A failed run is logged and tried again at the next one: the keys make a repeat harmless.
    this.running = this.run()
      .catch((error: unknown) => this.log.error('deadline-reminders-failed', { error: error instanceof Error ? error.stack : String(error) }))
      .then(() => {
        this.running = null;
        if (!this.stopped) this.timer = setTimeout(() => void this.tick(), this.everyMs);
      });
    return this.running;
  }

  /** One look at every agreement: writes what is due and not on record yet. */
  private async run(): Promise<void> {
    const started = performance.now();
    const now = this.now();
    const today = berlinIsoDate(now);
    const [rounds, agreements] = await Promise.all([this.store.rounds.listRounds(), this.store.listAgreements()]);
    const deadlines = new Map(rounds.map((round) => [round.year, round.deadline]));
    let due = 0;
    let written = 0;
    for (const agreement of agreements) {
      if (this.stopped) break;
      const deadline = deadlines.get(agreement.year);
      const kind = deadline === undefined ? null : reminderDue(deadline, agreement.status, today);
      if (deadline === undefined || kind === null) continue;
      due++;
      const drafts = await this.notifier.draft(agreement, SERVER_ACTOR, { kind, deadline: formatDate(deadline) }, now);
      const recorded = await this.store.notifications.record(drafts.map((draft) => ({ ...draft, onceKey: `${kind}:${agreement.id}:${draft.recipient}` })));
      this.notifier.committed(recorded);
      written += recorded.length;
      if (recorded.length > 0) this.log.info('deadline-reminded', { agreementId: agreement.id, kind, deadline, recipients: recorded.map((d) => d.recipient) });
    }
    this.log.info('deadline-reminders-checked', { today, due, written, ms: Math.round(performance.now() - started) });
  }
}
