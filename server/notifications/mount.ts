import type { Hono } from 'hono';
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
 * The notifier that the commands are built with (createApp), and the live unread counts it pushes
 * to: made before the services, so that each takes it in its constructor.
 */
export function createNotifications(store: Store, options: NotificationOptions = { mail: false, publicUrl: '' }) {
  const live = new LiveCounts();
  return { live, notifier: new Notifier(store, live, options) };
}

/**
 * Notifications (issue 15) on the app: the routes under /api/notifications and
 * /api/account/notifications. Called with the other mounts, before the catch-all 404 of /api.
 */
export function mountNotifications(app: Hono<AppEnv>, store: Store, live: LiveCounts): void {
  app.route('/api/notifications', notificationRoutes(store, live));
  app.route('/api/account/notifications', notificationSettingsRoutes(store));
}
