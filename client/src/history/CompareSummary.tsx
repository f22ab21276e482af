import { useEffect, useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import type { EntryChange } from './types.js';
import type { ShownComparison } from './historyStore.js';
import { SPOKEN, spacedWords } from './wordDiff.js';
import { byAndWhen, fieldLabel, fieldValue, measureTypeName } from './wording.js';

function Words({ change }: { change: EntryChange }) {
  const words = change.words ?? [
    { op: 'delete' as const, text: change.oldTitle ?? '' },
    { op: 'insert' as const, text: change.title },
  ];
  return (
    <span className="history-words">
      {spacedWords(words).map((word, index) => {
        if (word.op === 'same') return <span key={index}>{word.text}</span>;
        const Tag = word.op === 'insert' ? 'ins' : 'del';
        return (
          <Tag key={index}>
            <span className="visually-hidden">{SPOKEN[word.op]}</span>
            {word.text}
          </Tag>
        );
      })}
    </span>
  );
}

function EntryLine({ change }: { change: EntryChange }) {
  const who = <span className="history-by"> – {byAndWhen(change.by, change.at)}</span>;
  switch (change.kind) {
    case 'added':
      return <li data-change="added">Neu: „{change.title}“ in {measureTypeName(change.toGroup)}{who}</li>;
    case 'removed':
      return (
        <li data-change="removed">
          Entfernt: <del><span className="visually-hidden">{SPOKEN.delete}</span>„{change.title}“</del> aus {measureTypeName(change.fromGroup)}{who}
        </li>
      );
    case 'renamed':
      return (
        <li data-change="renamed">
          Umbenannt: <Words change={change} />{who}
        </li>
      );
    case 'moved':
      return (
        <li data-change="moved">
          Verschoben: „{change.title}“ aus {measureTypeName(change.fromGroup)} nach {measureTypeName(change.toGroup)}{who}
        </li>
      );
  }
}

/** The comparison as a list: what the document marks, in words, for reading and for printing. */
function Summary({ comparison, headingLevel, headingRef }: { comparison: ShownComparison; headingLevel: 'h2' | 'h3'; headingRef?: RefObject<HTMLHeadingElement | null> }) {
  const { diff } = comparison;
  const Heading = headingLevel;
  const empty = diff.entries.length + diff.groups.length + diff.fields.length === 0;
  return (
    <>
      <Heading className="history-compare-title" ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
        Vergleich: {comparison.fromLabel} → {comparison.toLabel}
      </Heading>
      {empty && <p>Zwischen diesen Fassungen hat sich nichts geändert.</p>}
      {diff.fields.length > 0 && (
        <ul className="history-compare-list" aria-label="Geänderte Angaben">
          {diff.fields.map((change) => (
            <li key={change.field} data-change="field">
              {fieldLabel(change.field)}: <del><span className="visually-hidden">{SPOKEN.delete}</span>{fieldValue(change.field, change.from)}</del> →{' '}
              <ins><span className="visually-hidden">{SPOKEN.insert}</span>{fieldValue(change.field, change.to)}</ins>
              <span className="history-by"> – {byAndWhen(change.by, change.at)}</span>
            </li>
          ))}
        </ul>
      )}
      {diff.groups.length > 0 && (
        <ul className="history-compare-list" aria-label="Maßnahmenarten">
          {diff.groups.map((change) => (
            <li key={`${change.kind}-${change.measureType}`} data-change={`group-${change.kind}`}>
              Maßnahmenart {change.kind === 'added' ? 'neu' : 'entfernt'}: {measureTypeName(change.measureType)}
              <span className="history-by"> – {byAndWhen(change.by, change.at)}</span>
            </li>
          ))}
        </ul>
      )}
      {diff.entries.length > 0 && (
        <ul className="history-compare-list" aria-label="Projekte in § 5">
          {diff.entries.map((change) => (
            <EntryLine key={`${change.kind}-${change.entryId}`} change={change} />
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * The comparison's summary in the Verlauf panel, and its printable twin outside the app's root:
 * „Drucken" prints that alone (history.css), not the document behind it.
 */
export function CompareSummary({ comparison, agreementTitle, onPrint }: { comparison: ShownComparison; agreementTitle: string; onPrint: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Each new result takes the focus: the „Vergleichen" button is disabled while it runs, and a
  // screen reader learns of the result where it starts.
  useEffect(() => heading.current?.focus(), [comparison.key]);
  return (
    <section className="history-compare" aria-label="Ergebnis des Vergleichs">
      <Summary comparison={comparison} headingLevel="h3" headingRef={heading} />
      <p className="history-compare-hint">Die Änderungen sind auch im Dokument markiert und beschriftet.</p>
      <button type="button" className="button" onClick={onPrint}>
        Drucken
      </button>
      {createPortal(
        <div className="history-compare-print" aria-hidden="true">
          <p className="history-print-title">{agreementTitle}</p>
          <Summary comparison={comparison} headingLevel="h2" />
          <p className="history-print-legend">Unterstrichen: eingefügt. Durchgestrichen: gelöscht. Uhrzeiten nach dem Protokoll des Servers.</p>
        </div>,
        document.body,
      )}
    </section>
  );
}
