/**
 * What the PDF can print. The agreement's PDF embeds Arimo's Latin subset (server/pdf/), which has
 * no glyphs for Arabic, Hebrew, Cyrillic, Greek, CJK or emoji (they printed as empty boxes), and
 * pdfkit lays out no right-to-left text (digits in such a line came out reversed). Rather than
 * print something other than what was signed, text that is printed (§5 entries, the place of a
 * signature) may hold only characters the font has, in all three cuts:
 *
 * Basic Latin and Latin-1 (German, French, Spanish, Italian, Scandinavian … letters, ß, digits,
 * punctuation, § € ° ½ ×, the no-break space), ı Œ œ, modifier apostrophes and accents ʻ ʼ ˆ ˚ ˜,
 * en and thin space, – —, ‘ ’ ‚ “ ” „, •, …, ′ ″, ‹ ›, ⁄, €, ™, ↑ ↓, − ∕.
 *
 * tests/unit/characters.test.ts checks every one of them against the font files. Not included:
 * Latin Extended (ł, ş, ğ, ő …), because the subset has no glyphs for them; a name with such a
 * letter has to be written in its German transliteration.
 */
const PRINTABLE_CLASS =
  '\\t\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u00FF\\u0131\\u0152\\u0153\\u02BB\\u02BC\\u02C6\\u02DA\\u02DC' +
  '\\u2002\\u2009\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2022\\u2026\\u2032\\u2033\\u2039\\u203A\\u2044' +
  '\\u20AC\\u2122\\u2191\\u2193\\u2212\\u2215';

/** One character (a whole code point, also outside the BMP) the PDF cannot print. */
export const UNPRINTABLE = new RegExp(`[^${PRINTABLE_CLASS}\\n]`, 'u');

/** The first character of `text` the PDF cannot print, or null. */
export function firstUnprintable(text: string): string | null {
  return UNPRINTABLE.exec(text)?.[0] ?? null;
}

/** The German message for a text that holds `char`, for the editor and the dialogs alike. */
export function unprintableMessage(char: string): string {
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  return (
    `Das Zeichen „${char}“ (${code}) kann im PDF der Vereinbarung nicht gedruckt werden. Möglich sind ` +
    'lateinische Buchstaben (auch mit Umlauten und Akzenten), Ziffern und die üblichen Satzzeichen.'
  );
}
