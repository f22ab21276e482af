import { agreementTitle } from '../../shared/agreementTitle.js';
import type { NotificationDraft } from '../store/notificationTypes.js';
import type { AgreementRecord, Store } from '../store/types.js';
import type { LiveCounts } from './liveCounts.js';
import { notificationMail, notificationText, type MessageFacts } from './messages.js';
import { recipientsOf, type NotificationEvent } from './recipients.js';

export interface NotifierOptions {
  /** Mail goes out only when SMTP_URL is configured; otherwise no outbox rows are written. */
  mail: boolean;
  /** PUBLIC_URL: the origin links in mails point to. */
  publicUrl: string;
}

/** What a command knows of its event, besides the agreement and who acted. */
export type EventFacts = NotificationEvent & Omit<MessageFacts, 'kind' | 'title' | 'actorName'> & { threadId?: string };

/**
 * Turns a command's event into notification drafts: the recipients by the rules of
 * recipients.ts, each one's text and link, and a mail per each one's settings. The command hands
 * the drafts to the store with its own change (one transaction) and calls `committed` after it.
 *
 * Round started is drafted by RoundService and written in the round's transaction; the deadline
 * kinds are drafted by the DeadlineReminders job (deadlines.ts), which writes them itself.
 */
export class Notifier {
  constructor(
    private readonly store: Store,
    private readonly live: LiveCounts,
    private readonly options: NotifierOptions,
  ) {}

  /** Set by server/start.ts to wake the mail worker when a commit queued mail. */
  onMailQueued: () => void = () => undefined;

  async draft(agreement: AgreementRecord, actor: { username: string; displayName: string }, facts: EventFacts, at = Date.now()): Promise<NotificationDraft[]> {
    const people = await this.store.users.list();
    const recipients = recipientsOf(facts, people, agreement.districtId, actor.username);
    if (recipients.length === 0) return [];
    const settings = await this.store.notifications.settings(recipients);
    const byName = new Map(people.map((p) => [p.username, p]));
    const title = agreementTitle(agreement.year, agreement.fields.partner);
    const link = facts.threadId ? `/vereinbarungen/${agreement.id}?thread=${encodeURIComponent(facts.threadId)}` : `/vereinbarungen/${agreement.id}`;
    const message: MessageFacts = { ...facts, kind: facts.kind, title, actorName: actor.displayName };
    const text = notificationText(message);
    return recipients.map((recipient) => {
      const mine = settings.get(recipient);
      const address = byName.get(recipient)?.email ?? null;
      const wanted = this.options.mail && address !== null && mine !== undefined && mine.mail[facts.kind];
      const mail = wanted && !mine.digest ? { address, ...notificationMail(message, this.url(link)) } : null;
      return { recipient, kind: facts.kind, agreementId: agreement.id, threadId: facts.threadId ?? null, actor: actor.username, text, link, at, mail, digest: wanted && mine.digest };
    });
  }

  /** After the transaction with the drafts committed: live counts and the mail worker wake up. */
  committed(drafts: readonly NotificationDraft[]): void {
    if (drafts.length === 0) return;
    this.live.changed(drafts.map((d) => d.recipient));
    if (drafts.some((d) => d.mail)) this.onMailQueued();
  }

  url(link: string): string {
    return `${this.options.publicUrl}${link}`;
  }
}
