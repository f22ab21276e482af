import type { Hono } from 'hono';
import type { AgreementService } from '../commands/agreements.js';
import type { CommentService } from '../commands/comments.js';
import type { RoundService } from '../commands/rounds.js';
import type { SignoffService } from '../commands/signoff.js';
import type { AppEnv } from '../routes/context.js';
import { notificationRoutes, notificationSettingsRoutes } from '../routes/notifications.js';
import type { Store } from '../store/types.js';
import { LiveCounts } from './liveCounts.js';
import { Notifier } from './notifier.js';

export interface NotificationOptions {
  /** True when SMTP_URL is configured: only then are mails written into the outbox. */
  mail: boolean;
  /** PUBLIC_URL, for the links in mails ("" without mail: in-app links are paths). */
  publicUrl: string;
}

/**
 * Notifications (issue 15) on the app: the commands get the notifier, the routes go under
 * /api/notifications and /api/account/notifications. Called with the other mounts, before the
 * catch-all 404 of /api.
 */
export function mountNotifications(
  app: Hono<AppEnv>,
  deps: { store: Store; agreements: AgreementService; comments: CommentService; signoff: SignoffService; rounds: RoundService; options?: NotificationOptions },
) {
  const live = new LiveCounts();
  const notifier = new Notifier(deps.store, live, deps.options ?? { mail: false, publicUrl: '' });
  deps.agreements.useNotifier(notifier);
  deps.comments.useNotifier(notifier);
  deps.signoff.useNotifier(notifier);
  deps.rounds.useNotifier(notifier);
  app.route('/api/notifications', notificationRoutes(deps.store, live));
  app.route('/api/account/notifications', notificationSettingsRoutes(deps.store));
  return { live, notifier };
}
