/**
 * Meldingen: the user's own notifications (every deadline and decision of the contracting year that
 * concerns the user), newest first, unread ones marked, each with a link to where it happened and a
 * button to mark it read.
 */
import { useState } from 'react';
import { errorMessage } from '../api';
import { contractingApi, type AppNotification } from '../api-contracting';
import { announceNotificationsChanged } from '../components/notifications-indicator';
import { ErrorMessage, Loaded } from '../components/status';
import { countText, formatDate } from '../format';
import { Link } from '../router';
import { useResource } from '../use-resource';
import { appLinkOf } from './contracting-labels';

const LIMIT = 100;

export function NotificationsPage() {
  const list = useResource((signal) => contractingApi.notifications({ limit: LIMIT }, signal), []);
  return (
    <article>
      <h1>Meldingen</h1>
      <Loaded resource={list} what="Meldingen">
        {(data) => <NotificationList initial={data.notifications} unread={data.unread} />}
      </Loaded>
    </article>
  );
}

function NotificationList({ initial, unread: initialUnread }: { initial: AppNotification[]; unread: number }) {
  const [items, setItems] = useState(initial);
  const [unread, setUnread] = useState(initialUnread);
  const [busy, setBusy] = useState<number | null>(null);
  const [status, setStatus] = useState<string>('');
  const [failure, setFailure] = useState<string | null>(null);

  const markRead = async (item: AppNotification) => {
    setBusy(item.id);
    setFailure(null);
    try {
      const updated = await contractingApi.markRead(item.id);
      setItems((current) => current.map((n) => (n.id === updated.id ? updated : n)));
      setUnread((n) => Math.max(0, n - 1));
      setStatus(`Melding "${item.title}" is als gelezen gemarkeerd.`);
      announceNotificationsChanged();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <p className="result-count">
        {countText(unread, 'ongelezen melding', 'ongelezen meldingen')}
        {items.length >= LIMIT ? ` · de nieuwste ${LIMIT} getoond` : ''}
      </p>
      <div role="status" className="form-outcome">
        {status && <p className="success-text">{status}</p>}
      </div>
      {failure && <ErrorMessage title="Niet gemarkeerd">{failure}</ErrorMessage>}
      {items.length === 0 ? (
        <p className="empty">U heeft geen meldingen.</p>
      ) : (
        <ol className="record-list notification-list">
          {items.map((n) => {
            const link = appLinkOf(n.link);
            return (
              <li key={n.id} className="record">
                <p className="record-title">
                  {n.read_at === null && (
                    <>
                      <span className="badge badge-finding-sent">Nieuw</span>{' '}
                    </>
                  )}
                  {n.title}
                </p>
                <p className="muted">
                  {formatDate(n.created_at)}
                  {n.agb && (
                    <>
                      {' '}
                      · AGB <span className="code">{n.agb}</span>
                    </>
                  )}
                  {n.read_at && ` · gelezen ${formatDate(n.read_at)}`}
                </p>
                <p className="value">{n.body}</p>
                <div className="actions">
                  {link && (
                    <Link to={link}>
                      Bekijken<span className="visually-hidden">: {n.title}</span>
                    </Link>
                  )}
                  {n.read_at === null && (
                    <button type="button" className="button button-secondary" disabled={busy === n.id} onClick={() => void markRead(n)}>
                      Markeer als gelezen<span className="visually-hidden">: {n.title}</span>
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
