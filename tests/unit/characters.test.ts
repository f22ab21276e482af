import { createRequire } from 'node:module';
import { Fragment, Slice, type Node as PMNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { commentTextProblem, normalizeCommentText } from '../../shared/comments/validate.js';
import { agreementBodyJSON } from '../../shared/editor/body.js';
import { entryTextProblem, withoutLayoutControls } from '../../shared/editor/entryRules.js';
import { projectListLockPlugin } from '../../shared/editor/lock.js';
import { NODE } from '../../shared/editor/nodes.js';
import { agreementSchema } from '../../shared/editor/schema.js';
import { normaliseCanonicalText, normaliseTypedText, placeProblem } from '../../shared/signoff.js';
import { withoutInvisibles } from '../../shared/text/invisible.js';
import { firstUnprintable, UNPRINTABLE } from '../../shared/text/printable.js';

/** The invisible characters of issue 9 and their relatives: all removed. */
const INVISIBLES = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\uFEFF', '\u00AD', '\u2060', '\u2063', '\uFE0F', '\u180E', '\u{E0041}'];
/** Bidi controls: refused by the control rules, never silently removed. */
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const GERMAN = '„Übergänge gestalten“ – Maßnahme für Jugendliche (§ 5, 1.250 € p. a.; ½ Stelle) … ‚ok‘ • Œuvre';

const schema = agreementSchema();
const demoState = () => EditorState.create({ schema, doc: schema.nodeFromJSON(agreementBodyJSON(WERRA_MEISSNER_2024.projects)), plugins: [projectListLockPlugin()] });

function firstEntryPos(doc: PMNode): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.type.name === NODE.projectEntry) found = pos;
  });
  return found + 1;
}

describe('invisible characters (shared/text/invisible.ts)', () => {
  it('removes each invisible character, keeps bidi controls for the control rules to refuse', () => {
    for (const char of INVISIBLES) expect(withoutInvisibles(`Pro${char}jekt`), char.codePointAt(0)?.toString(16)).toBe('Projekt');
    for (const char of BIDI) expect(withoutInvisibles(`a${char}b`)).toBe(`a${char}b`);
  });

  it('normalises comments, places and the canonical text the same way', () => {
    expect(normalizeCommentText('Bitte\u200B prüfen\u00AD!\uFEFF')).toBe('Bitte prüfen!');
    expect(commentTextProblem('a\u202Eb')).toBe('Der Kommentar enthält unzulässige Steuerzeichen.');
    expect(normaliseTypedText(' Esch\u00ADwege\u200E ')).toBe('Eschwege');
    expect(normaliseCanonicalText('Pro\u200Bjekt\r\nZwei\u00ADter')).toBe('Projekt\nZweiter');
    // Two entries that looked identical now hash the same.
    expect(normaliseCanonicalText('Startklar\u200F')).toBe(normaliseCanonicalText('Startklar'));
  });

  it('leaves a paste into an entry without them (and NFC)', () => {
    expect(withoutLayoutControls('Ju\u00ADgend\u200Bwerk\u2028A\u0308rger')).toBe('Jugendwerk Ärger');
    const plugin = demoState().plugins.find((p) => p.props.transformPasted);
    const slice = new Slice(Fragment.from(schema.text('Start\u200Bklar\u00AD')), 0, 0);
    const cleaned = plugin?.props.transformPasted?.call(plugin, slice, undefined as never, false);
    expect(cleaned?.content.textBetween(0, cleaned.content.size)).toBe('Startklar');
  });

  it('is refused in an entry by the rule the server applies to every update', () => {
    const state = demoState();
    for (const char of INVISIBLES) expect(state.apply(state.tr.insertText(`x${char}`, firstEntryPos(state.doc)))).toBe(state);
  });
});

describe('characters the PDF cannot print (shared/text/printable.ts)', () => {
  it('accepts German text with its quotes, dashes, symbols and a tab', () => {
    expect(firstUnprintable(`${GERMAN}\tÇa va, señor, Ærø`)).toBeNull();
    expect(entryTextProblem(GERMAN)).toBeNull();
  });

  it('refuses Arabic, Hebrew, Cyrillic, emoji and Latin Extended letters with a German message naming the character', () => {
    for (const [text, char] of [['مشروع 2024', 'م'], ['פרויקט', 'פ'], ['Проект', 'П'], ['Projekt 🎉', '🎉'], ['Łódź', 'Ł']] as const) {
      expect(firstUnprintable(text)).toBe(char);
      expect(entryTextProblem(text)).toMatch(new RegExp(`^Das Zeichen „${char}“ \\(U\\+[0-9A-F]{4,5}\\) kann im PDF der Vereinbarung nicht gedruckt werden\\.`, 'u'));
    }
    expect(placeProblem('القاهرة')).toMatch(/kann im PDF der Vereinbarung nicht gedruckt werden/);
    expect(placeProblem('Bad Sooden-Allendorf')).toBeNull();
  });

  it('is refused in the editor with the message, before the filter would drop it silently', () => {
    const messages: string[] = [];
    const plugin = projectListLockPlugin((message) => messages.push(message));
    const input = plugin.props.handleTextInput?.call(plugin, undefined as never, 1, 1, 'ש', () => undefined as never);
    expect(input).toBe(true);
    expect(plugin.props.handleTextInput?.call(plugin, undefined as never, 1, 1, 'ü', () => undefined as never)).toBe(false);
    expect(messages).toEqual([expect.stringContaining('„ש“')]);
    const state = demoState();
    expect(state.apply(state.tr.insertText('مشروع', firstEntryPos(state.doc)))).toBe(state);
  });

  it('allows only characters every cut of the PDF font has a glyph for', () => {
    const require = createRequire(import.meta.url);
    const fonts = ['400-normal', '700-normal', '400-italic'].map((cut) => fontkit.openSync(require.resolve(`@fontsource/arimo/files/arimo-latin-${cut}.woff`)));
    for (let code = 0x20; code <= 0xffff; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      if (UNPRINTABLE.test(String.fromCodePoint(code))) continue;
      for (const font of fonts) expect(font.hasGlyphForCodePoint(code), `U+${code.toString(16)}`).toBe(true);
    }
  });
});
