/**
 * Notifications (issue 15): what a user is told about, in the app and by mail. Shared because the
 * client lists them and shows the mail settings in Mein Konto.
 */
export type NotificationKind =
  | 'mention'
  | 'reply'
  | 'sign-requested'
  | 'signed'
  | 'final'
  | 'reopened'
  | 'amount-changed'
  | 'round-started'
  | 'deadline-soon'
  | 'deadline-overdue';

export const NOTIFICATION_KINDS: readonly NotificationKind[] = [
  'mention',
  'reply',
  'sign-requested',
  'signed',
  'final',
  'reopened',
  'amount-changed',
  'round-started',
  'deadline-soon',
  'deadline-overdue',
];

/** The German label of each kind, for the settings in Mein Konto. */
export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  mention: 'Erwähnungen in Kommentaren',
  reply: 'Antworten in Kommentarverläufen, an denen Sie teilnehmen',
  'sign-requested': '„Bitte zeichnen“: Vereinbarung zur Zeichnung freigegeben',
  signed: 'Die andere Seite hat unterzeichnet',
  final: 'Vereinbarung abgeschlossen',
  reopened: 'Vereinbarung wieder geöffnet',
  'amount-changed': 'Betrag in § 4 geändert',
  'round-started': 'Neue Runde begonnen',
  'deadline-soon': 'Frist endet in 7 Tagen',
  'deadline-overdue': 'Frist überschritten',
};

/** Mail is on by default for these (issue 15): mentions, „bitte zeichnen“, deadlines. */
export const MAIL_DEFAULT_ON: readonly NotificationKind[] = ['mention', 'sign-requested', 'deadline-soon', 'deadline-overdue'];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/** One entry of the Benachrichtigungen list. */
export interface NotificationView {
  id: number;
  kind: NotificationKind;
  /** One German sentence, e.g. „Anna Schmidt hat Sie in „Werra-Meißner-Kreis 2024“ erwähnt.“ */
  text: string;
  /** The place it is about, a path of the app: `/vereinbarungen/:id` or with `#thread-…`. */
  link: string;
  agreementId: string | null;
  actor: string;
  createdAt: number;
  read: boolean;
}

export interface NotificationList {
  notifications: NotificationView[];
  unread: number;
}

/** A user's mail settings: per kind on or off, and whether mail comes once a day as a digest. */
export interface NotificationSettings {
  mail: Record<NotificationKind, boolean>;
  digest: boolean;
}

export function defaultSettings(): NotificationSettings {
  return {
    mail: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, MAIL_DEFAULT_ON.includes(kind)])) as Record<NotificationKind, boolean>,
    digest: false,
  };
}

/** The body of `PATCH /api/account/notifications`: every field optional, unknown kinds refused. */
export interface NotificationSettingsPatch {
  mail?: Partial<Record<NotificationKind, boolean>>;
  digest?: boolean;
}
