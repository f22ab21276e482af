import type { Database } from 'better-sqlite3';
import type { Migration } from './migration.js';

/**
 * Step 8: notifications that must exist at most once (issue 15, deadline reminders). A scheduled
 * job gives each of its notifications a key (`deadline-soon:<agreement>:<recipient>`); the unique
 * index refuses a second row with the same key, whether the job runs again an hour later, after a
 * restart, or in a second process at the same moment. Notifications of commands have no key
 * (NULL), and any number of those may exist.
 *
 * Numbered 8 because 6 and 7 were taken by work done in parallel; the runner needs ascending
 * versions, not consecutive ones.
 */
const SQL = `
ALTER TABLE notifications ADD COLUMN once_key TEXT;
CREATE UNIQUE INDEX notifications_once ON notifications (once_key) WHERE once_key IS NOT NULL;
`;

export const notificationOnce: Migration = {
  version: 8,
  name: 'notification-once',
  up(db: Database) {
    db.exec(SQL);
  },
};
