/**
 * The header's notifications link with the number of unread notifications. It asks the API when the
 * page changes, every minute, and when a page says the notifications changed (marked as read).
 */
import { useEffect, useState } from 'react';
import { contractingApi } from '../api-contracting';
import { Link } from '../router';

const CHANGED = 'zorginkoop:notifications-changed';
const POLL_MS = 60_000;

/** Tells the indicator to count again (after marking notifications read). */
export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

export function NotificationsIndicator({ pathname }: { pathname: string }) {
  const [unread, setUnread] = useState<number | null>(null);
  useEffect(() => {
    let controller = new AbortController();
    const count = () => {
      controller.abort();
      controller = new AbortController();
      contractingApi.notifications({ unreadOnly: true, limit: 1 }, controller.signal).then(
        (list) => setUnread(list.unread),
        // The count is a convenience: a failed call leaves the last known number (a 401 ends the session elsewhere).
        () => undefined,
      );
    };
    count();
    const timer = window.setInterval(count, POLL_MS);
    window.addEventListener(CHANGED, count);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, count);
    };
  }, [pathname]);

  return (
    <Link to="/meldingen" className="button button-quiet notifications-link" aria-current={pathname === '/meldingen' ? 'page' : undefined}>
      Meldingen
      {unread !== null && unread > 0 && (
        <>
          {' '}
          <span className="badge badge-finding-sent">{unread}</span>
          <span className="visually-hidden"> ongelezen</span>
        </>
      )}
    </Link>
  );
}
