import { createRequire } from 'node:module';

/**
 * Page geometry, type and the tagging helpers every part of the PDF shares. The typeface is Arimo,
 * the same family the editor shows on screen (client/src/main.tsx), so paper and screen match.
 */
const require = createRequire(import.meta.url);
export const FONT = {
  regular: require.resolve('@fontsource/arimo/files/arimo-latin-400-normal.woff'),
  bold: require.resolve('@fontsource/arimo/files/arimo-latin-700-normal.woff'),
  italic: require.resolve('@fontsource/arimo/files/arimo-latin-400-italic.woff'),
};

// A4 in points, margins of about 2.5 cm left and 2 cm elsewhere (DIN 5008 leaves room to file).
export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 57, bottom: 72, left: 71, right: 57 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const CONTENT_BOTTOM = PAGE.height - MARGIN.bottom;
export const BODY_SIZE = 11;
export const GREY = '#555555';

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

/**
 * Text extractors (pdftotext, a viewer's copy) drop a single space in a short line set in one run:
 * „§ 1" came out as „§1". A little extra word spacing keeps the real U+0020 a visible word gap.
 */
export const SHORT_LINE_WORD_SPACING = 2.5;

/** Adds a structure element (H1, P, L …) to `parent` and draws its content inside it. */
export function tagged(doc: Doc, parent: Struct, type: string, draw: () => void): void {
  parent.add(doc.struct(type, {}, draw));
}

/** Draws page furniture (footer, watermark, rules) as an artifact that assistive technology skips. */
export function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Pagination' });
  draw();
  doc.endMarkedContent();
}
