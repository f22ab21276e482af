import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { NotificationView } from '../../../shared/notifications/types.js';
import { formatDateTime } from '../../../shared/format.js';
import { Link, navigate } from '../router.js';
import { notificationsApi } from './notificationsApi.js';
import { useUnreadCount } from './useUnreadCount.js';
import './notifications.css';

export function bellLabel(unread: number | null): string {
  if (!unread) return 'Benachrichtigungen, keine ungelesen';
  return `Benachrichtigungen, ${unread} ungelesen`;
}

/** The bell in the header: the live unread count, and the list panel under it. */
export function NotificationBell() {
  const unread = useUnreadCount();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLElement>(null);

  // The panel hangs from the bell's right edge; where the bell sits far left (a district's header
  // at 1024 px) it would reach past the window's left edge, so it moves right just enough.
  useLayoutEffect(() => {
    const element = panel.current;
    if (!open || !element) return;
    const left = element.getBoundingClientRect().left;
    if (left < 8) element.style.transform = `translateX(${Math.ceil(8 - left)}px)`;
  }, [open]);

  // The list is read when the panel opens, and again when the count changes while it is open.
  useEffect(() => {
    if (!open) return;
    let current = true;
    notificationsApi.list().then(
      (list) => current && (setItems(list.notifications), setError(null)),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : 'Die Benachrichtigungen konnten nicht geladen werden.'),
    );
    return () => {
      current = false;
    };
  }, [open, unread]);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  async function openItem(item: NotificationView) {
    setOpen(false);
    if (!item.read) await notificationsApi.markRead(item.id).catch((failure: unknown) => console.error('mark read failed', failure));
    navigate(item.link);
  }

  return (
    <div className="bell" ref={root}>
      <button type="button" className="bell-button" aria-label={bellLabel(unread)} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z" />
        </svg>
        {unread ? <span className="bell-count" aria-hidden="true">{unread > 99 ? '99+' : unread}</span> : null}
      </button>
      {open && (
        <section ref={panel} id={panelId} className="bell-panel" aria-label="Benachrichtigungen">
          <header className="bell-panel-head">
            <h2>Benachrichtigungen</h2>
            {unread ? (
              <button type="button" className="button button-quiet" onClick={() => void notificationsApi.markAllRead().then((list) => setItems(list.notifications))}>
                Alle als gelesen markieren
              </button>
            ) : null}
          </header>
          {error && <p className="form-error" role="alert">{error}</p>}
          {items === null && !error && <p className="bell-empty">Wird geladen …</p>}
          {items?.length === 0 && (
            <p className="bell-empty">
              Keine Benachrichtigungen. Hier erscheinen Erwähnungen, Antworten, Bitten um Zeichnung und Fristen; welche auch per E-Mail kommen, legen Sie unter{' '}
              <Link href="/konto">Mein Konto</Link> fest.
            </p>
          )}
          {items && items.length > 0 && (
            <ul className="bell-list">
              {items.map((item) => (
                <li key={item.id} className={item.read ? 'bell-item' : 'bell-item bell-item-unread'}>
                  <a
                    href={item.link}
                    onClick={(event) => {
                      event.preventDefault();
                      void openItem(item);
                    }}
                  >
                    {!item.read && <span className="visually-hidden">Ungelesen: </span>}
                    <span className="bell-text">{item.text}</span>
                    <time className="bell-time" dateTime={new Date(item.createdAt).toISOString()}>
                      {formatDateTime(item.createdAt)}
                    </time>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
