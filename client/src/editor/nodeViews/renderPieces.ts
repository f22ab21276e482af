import type { Piece, PieceKind } from '../../../../shared/template/types.js';

/**
 * Template pieces as the printed agreement shows them. The plain text stays exactly the
 * template's, except that "§ " gets a non-breaking space (DIN 5008: "§ 5" never breaks).
 */
export const PIECE_TAGS: Readonly<Record<PieceKind, string>> = {
  letterhead: 'div',
  title: 'p',
  titleLine: 'p',
  sectionNumber: 'p',
  heading: 'h3',
  subheading: 'h4',
  text: 'p',
  amount: 'p',
};

export const withSectionSpace = (text: string) => text.replace(/§ /g, '§\u00a0');

function renderLetterhead(element: HTMLElement, piece: Piece): void {
  const lines = piece.runs.map((run) => run.text).join('').split('\n');
  lines.forEach((line, index) => {
    const span = document.createElement('span');
    // The last line is the tagline ("innovativ · sozial · nachhaltig"), the others the wordmark.
    span.className = index === lines.length - 1 ? 'letterhead-tagline' : 'letterhead-word';
    span.textContent = line;
    element.append(span);
  });
}

export function renderPiece(piece: Piece): HTMLElement {
  const element = document.createElement(PIECE_TAGS[piece.kind]);
  element.className = `piece piece-${piece.kind}`;
  if (piece.kind === 'title') {
    element.setAttribute('role', 'heading');
    element.setAttribute('aria-level', '2');
  }
  if (piece.kind === 'letterhead') {
    renderLetterhead(element, piece);
    return element;
  }
  for (const run of piece.runs) {
    const text = withSectionSpace(run.text);
    if (run.bold) {
      const strong = document.createElement('strong');
      strong.textContent = text;
      element.append(strong);
    } else {
      element.append(text);
    }
  }
  return element;
}
