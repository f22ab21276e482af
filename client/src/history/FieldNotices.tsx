import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { formatDateTime } from '../../../shared/format.js';
import { ROOT } from '../../../shared/protocol.js';
import { historyApi } from './historyApi.js';
import type { FieldNotice } from './types.js';
import { fieldLabel, fieldValue } from './wording.js';

/** Asks again whenever the server writes the fields: a change by the other party shows at once. */
function useNotices(agreementId: string, ydoc: Y.Doc) {
  const [notices, setNotices] = useState<FieldNotice[]>([]);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    const fields = ydoc.getMap<unknown>(ROOT.fields);
    const ask = () => setAsked((n) => n + 1);
    fields.observeDeep(ask);
    return () => fields.unobserveDeep(ask);
  }, [ydoc]);
  useEffect(() => {
    let current = true;
    historyApi.notices(agreementId).then(
      (answer) => current && setNotices(answer.notices),
      (caught: unknown) => console.error(`notices of ${agreementId} failed`, caught),
    );
    return () => {
      current = false;
    };
  }, [agreementId, asked]);
  return { notices, setNotices };
}

function sentence(notice: FieldNotice): string {
  const what = notice.field === 'amountCents' ? 'Der Betrag' : `Die Angabe „${fieldLabel(notice.field)}“`;
  return `${what} wurde von ${fieldValue(notice.field, notice.from)} auf ${fieldValue(notice.field, notice.to)} geändert – von ${notice.by.name}, am ${formatDateTime(notice.at)}.`;
}

/**
 * Changes of the amount and the other fields by the other party, shown above the document until
 * this person has marked them „Gesehen" (the server remembers that per person).
 */
export function FieldNotices({ agreementId, ydoc }: { agreementId: string; ydoc: Y.Doc }) {
  const { notices, setNotices } = useNotices(agreementId, ydoc);
  const [error, setError] = useState<string | null>(null);
  if (notices.length === 0) return null;

  async function seen(upTo: number) {
    try {
      await historyApi.noticesSeen(agreementId, upTo);
      setNotices((now) => now.filter((notice) => notice.eventId > upTo));
      setError(null);
    } catch (caught: unknown) {
      setError(caught instanceof Error ? caught.message : 'Das hat nicht geklappt.');
    }
  }

  return (
    <div className="field-notices" role="region" aria-label="Geänderte Angaben">
      {notices.map((notice) => (
        <div key={notice.eventId} className="field-notice" role="status">
          <p>{sentence(notice)}</p>
          <button type="button" className="button history-small-button" onClick={() => void seen(notice.eventId)}>
            Gesehen
          </button>
        </div>
      ))}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
