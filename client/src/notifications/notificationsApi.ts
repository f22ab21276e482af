import type { NotificationList, NotificationSettings, NotificationSettingsPatch } from '../../../shared/notifications/types.js';
import { request } from '../api.js';

/** Benachrichtigungen (docs/api.md): one's own list, marking read, the mail settings of Mein Konto. */
export const notificationsApi = {
  list: () => request<NotificationList>('GET', '/api/notifications'),
  markRead: (id: number) => request<{ unread: number }>('POST', `/api/notifications/${id}/read`, {}),
  markAllRead: () => request<NotificationList>('POST', '/api/notifications/read-all', {}),
  settings: () => request<NotificationSettings>('GET', '/api/account/notifications'),
  changeSettings: (patch: NotificationSettingsPatch) => request<NotificationSettings>('PATCH', '/api/account/notifications', patch),
};

/** The server pushes the unread count over this stream (no polling); EventSource reconnects by itself. */
export const UNREAD_EVENTS_PATH = '/api/notifications/events';
