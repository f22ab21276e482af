import * as Y from 'yjs';
import { decodePosition, resolvePassage } from '../../shared/comments/anchor.js';
import type { PassageAnchor } from '../../shared/comments/types.js';
import { fail } from '../errors.js';

/**
 * Checks a passage a client anchored in an entry. The relative positions come from the client's
 * copy of the document; when they point into this entry's text, the server takes the quote from
 * its own copy. When they name characters the server has not seen yet (typed a moment ago and
 * still on their way), the anchor is kept as sent: it resolves once they arrive.
 */
export function checkPassage(doc: Y.Doc, type: Y.XmlText, passage: PassageAnchor): PassageAnchor {
  const invalid = (reason: string): never => fail(400, 'Die markierte Textstelle ist ungültig. Bitte markieren Sie sie erneut.', reason);
  // Its shape (three strings, a quote of 1–500 characters) was checked with the request.
  const { start, end, quote } = passage;
  const from = decodePosition(start);
  const to = decodePosition(end);
  if (!from || !to) return invalid('passage positions do not decode');
  const a = Y.createAbsolutePositionFromRelativePosition(from, doc);
  const b = Y.createAbsolutePositionFromRelativePosition(to, doc);
  if (a === null || b === null) return { start, end, quote };
  if (a.type !== type || b.type !== type) fail(400, 'Die markierte Textstelle liegt nicht in diesem Projekt.', 'passage outside its entry');
  const anchor = { start, end, quote };
  const resolved = resolvePassage(doc, type, anchor);
  if (!resolved || resolved.how !== 'positions') return invalid('passage is empty');
  return { start, end, quote: type.toString().slice(resolved.from, resolved.to) };
}
