import type { PieceKind } from '../../../shared/template/types.js';

/** The piece kinds by the names the ministry's typists use, in the toolbar's order. */
export const PIECE_KIND_LABELS: Readonly<Record<PieceKind, string>> = {
  text: 'Absatz',
  heading: 'Überschrift',
  subheading: 'Unterüberschrift',
  sectionNumber: 'Paragraphennummer',
  title: 'Titel',
  titleLine: 'Titelzeile',
  amount: 'Betragszeile',
  letterhead: 'Briefkopf',
};
