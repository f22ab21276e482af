/** The part of fontkit (pdfkit's font engine) that tests/unit/characters.test.ts uses to read the PDF fonts. */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function openSync(path: string): Font;
}
