import { useEffect, useState } from 'react';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type NotificationSettings, type NotificationSettingsPatch } from '../../../shared/notifications/types.js';
import { useSession } from '../session.js';
import { notificationsApi } from './notificationsApi.js';
import './notifications.css';

/** Mein Konto: which notifications also come by e-mail, and whether as one daily digest. Each change is saved at once. */
export function NotificationSettingsForm() {
  const { user } = useSession();
  const [settings, setSettings] = useState<NotificationSettings | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    notificationsApi.settings().then(setSettings, (failure: unknown) =>
      setStatus({ ok: false, text: failure instanceof Error ? failure.message : 'Die Einstellungen konnten nicht geladen werden.' }),
    );
  }, []);

  // Shown at once (a controlled box that waited for the server would look as if the click was lost),
  // then replaced by what the server stored, or put back when it refused.
  async function change(patch: NotificationSettingsPatch) {
    const before = settings;
    if (before) setSettings({ mail: { ...before.mail, ...patch.mail }, digest: patch.digest ?? before.digest });
    setStatus(null);
    try {
      setSettings(await notificationsApi.changeSettings(patch));
      setStatus({ ok: true, text: 'Gespeichert.' });
    } catch (failure: unknown) {
      setSettings(before);
      setStatus({ ok: false, text: failure instanceof Error ? failure.message : 'Die Einstellung konnte nicht gespeichert werden.' });
    }
  }

  if (!settings) return status ? <p className="form-error" role="alert">{status.text}</p> : <p>Wird geladen …</p>;
  return (
    <form className="notification-settings" onSubmit={(event) => event.preventDefault()}>
      <p className="field-hint">
        In vereinbar sehen Sie alle Benachrichtigungen unter der Glocke oben rechts. Per E-Mail
        {user.email ? ` an ${user.email}` : ' (bitte oben eine Adresse hinterlegen)'} erhalten Sie diese:
      </p>
      <fieldset>
        <legend>E-Mail bei</legend>
        {NOTIFICATION_KINDS.map((kind) => (
          <label key={kind}>
            <input type="checkbox" checked={settings.mail[kind]} onChange={(event) => void change({ mail: { [kind]: event.target.checked } })} />
            {NOTIFICATION_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Zustellung</legend>
        <label>
          <input type="radio" name="digest" checked={!settings.digest} onChange={() => void change({ digest: false })} />
          Einzeln, sobald es etwas gibt
        </label>
        <label>
          <input type="radio" name="digest" checked={settings.digest} onChange={() => void change({ digest: true })} />
          Einmal täglich als Zusammenfassung
        </label>
      </fieldset>
      {status && (
        <p className={status.ok ? 'form-ok' : 'form-error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </p>
      )}
    </form>
  );
}
