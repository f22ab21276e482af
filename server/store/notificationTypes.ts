import type { NotificationKind, NotificationSettings, NotificationView } from '../../shared/notifications/types.js';

/**
 * A notification as a command hands it to the store, recipients and mail already decided
 * (server/notifications/). The store writes it, and its mail into the outbox, inside the
 * command's own transaction.
 */
export interface NotificationDraft {
  recipient: string;
  kind: NotificationKind;
  agreementId: string | null;
  threadId: string | null;
  actor: string;
  text: string;
  link: string;
  at: number;
  /** A single mail to send now, or null (mail off for this kind, no address, or no SMTP). */
  mail: OutgoingMail | null;
  /** Kept for the recipient's daily digest instead of a single mail. */
  digest: boolean;
  /**
   * Makes the notification exist at most once (migration 008): a draft whose key is on record
   * already is not written, nor is its mail. For scheduled reminders; commands leave it out.
   */
  onceKey?: string;
}

export interface OutgoingMail {
  address: string;
  subject: string;
  body: string;
}

/** A row of the outbox as the worker sees it. */
export interface OutboxMail extends OutgoingMail {
  id: number;
  key: string;
  recipient: string;
  attempts: number;
}

export interface DigestCandidate {
  username: string;
  items: { id: number; kind: NotificationKind; text: string; link: string; createdAt: number }[];
}

/**
 * Notifications, mail settings and the mail outbox (migrations/005-notifications.ts).
 * `insertInTransaction` is for the other stores: it runs synchronously inside their transaction.
 */
export interface NotificationStore {
  /**
   * Writes the drafts in a transaction of their own (for a caller without one, the deadline
   * reminders); returns those written, without the ones whose `onceKey` was on record already.
   */
  record(drafts: readonly NotificationDraft[]): Promise<NotificationDraft[]>;
  list(username: string, limit: number): Promise<NotificationView[]>;
  unreadCount(username: string): Promise<number>;
  /** False when there is no such notification of this user. */
  markRead(username: string, id: number, at: number): Promise<boolean>;
  markAllRead(username: string, at: number): Promise<number>;
  settings(usernames: readonly string[]): Promise<Map<string, NotificationSettings>>;
  putSettings(username: string, settings: NotificationSettings, at: number): Promise<void>;
  // the outbox
  /** Due mails, each switched to "sending" before it is returned (at most once). */
  claimDue(now: number, limit: number): Promise<OutboxMail[]>;
  markSent(id: number, at: number): Promise<void>;
  /** Back to "pending" for a later attempt, or "failed" when `nextAttemptAt` is null. */
  markFailedAttempt(id: number, error: string, nextAttemptAt: number | null): Promise<void>;
  /** Rows left in "sending" by a process that died: set aside as "unknown", never sent again. */
  abandonSending(): Promise<OutboxMail[]>;
  // the daily digest
  digestCandidates(before: number): Promise<DigestCandidate[]>;
  /** Queues one digest mail for the items and clears them, in one transaction. */
  enqueueDigest(username: string, itemIds: readonly number[], mail: OutgoingMail, key: string, at: number): Promise<void>;
}
