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
 * Text extractors (pdftotext, a viewer's copy) drop the single space of a line as short as „§ 1"
 * and give „§1". A little letter spacing on that line keeps the real U+0020 a visible word gap.
 * (Word spacing would not do: pdfkit then draws words apart without the space character, and the
 * tagged text read by assistive technology would run the words together.)
 */
export const SECTION_NUMBER_LETTER_SPACING = 1.25;

/**
 * Adds a structure element (H1, P, L …) to `parent` and draws its content inside it. `actual` is
 * the element's text for assistive technology and copying when it is drawn in several lines
 * (pdfkit draws each line on its own, and a reader would hear „Heike HofmannStaatsministerin").
 */
export function tagged(doc: Doc, parent: Struct, type: string, draw: () => void, actual?: string): void {
  parent.add(doc.struct(type, actual === undefined ? {} : { actual }, draw));
}

/** Draws page furniture (footer, watermark, rules) as an artifact that assistive technology skips. */
export function artifact(doc: Doc, draw: () => void): void {
  doc.markContent('Artifact', { type: 'Pagination' });
  draw();
  doc.endMarkedContent();
}
