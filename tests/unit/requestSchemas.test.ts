import { describe, expect, it } from 'vitest';
import { commentTextProblem } from '../../shared/comments/validate.js';
import { validateAmountCents } from '../../shared/fields.js';
import { LoginRequestSchema } from '../../shared/schemas/auth.js';
import { CommentTextRequestSchema, NewThreadRequestSchema } from '../../shared/schemas/comments.js';
import { AmountInputSchema, FieldsPatchSchema } from '../../shared/schemas/fields.js';
import { checkInput, issuesForLog, problemOf } from '../../shared/schemas/issues.js';
import { ReleaseRequestSchema, ReopenRequestSchema, SignRequestSchema } from '../../shared/schemas/signoff.js';
import { placeProblem, reasonProblem } from '../../shared/signoff.js';
import * as v from 'valibot';

const HASH = 'a'.repeat(64);
const ENTRY = 'p-wmk24-letswork';

describe('the login request', () => {
  it('asks for both fields when one is missing, empty or not text', () => {
    for (const body of [{}, { username: 'wmk-referat' }, { username: '  ', password: 'demo' }, { username: 'wmk-referat', password: '' }, { username: 1, password: 'demo' }, null, 'demo']) {
      expect(problemOf(LoginRequestSchema, body)).toBe('Bitte Benutzername und Passwort eingeben.');
    }
  });

  it('trims the user name and keeps the password as typed', () => {
    expect(checkInput(LoginRequestSchema, { username: ' wmk-referat ', password: ' demo ' })).toEqual({ ok: true, value: { username: 'wmk-referat', password: ' demo ' } });
  });

  it('names a key it does not take', () => {
    expect(problemOf(LoginRequestSchema, { username: 'a', password: 'b', admin: true })).toBe('Die Angabe „admin“ ist in dieser Anfrage nicht vorgesehen.');
  });
});

describe('the fields patch', () => {
  it('gives the amount rule’s own messages', () => {
    for (const amountCents of [-5, 0, 12.5, 1e15]) {
      expect(problemOf(FieldsPatchSchema, { amountCents })).toBe(validateAmountCents(amountCents));
    }
    expect(problemOf(FieldsPatchSchema, { amountCents: '462800' })).toBe('Bitte einen Betrag in Euro angeben, z. B. 462.800.');
    expect(problemOf(FieldsPatchSchema, { amountCents: null })).toBe('Bitte einen Betrag in Euro angeben, z. B. 462.800.');
    expect(checkInput(FieldsPatchSchema, { amountCents: 462_800_00 })).toEqual({ ok: true, value: { amountCents: 462_800_00 } });
  });

  it('needs at least one field and names a field that cannot be changed', () => {
    expect(problemOf(FieldsPatchSchema, {})).toBe('Bitte die zu ändernden Felder angeben.');
    expect(problemOf(FieldsPatchSchema, [])).toBe('Bitte die zu ändernden Felder angeben.');
    expect(problemOf(FieldsPatchSchema, { year: 2030 })).toBe('Das Feld „year“ kann nicht geändert werden.');
  });

  it('reads what a person types into the amount dialog, with the same rule after the format', () => {
    expect(checkInput(AmountInputSchema, '462.800,50 Euro')).toEqual({ ok: true, value: 462_800_50 });
    expect(problemOf(AmountInputSchema, '12 Äpfel')).toBe('Bitte einen Betrag in Euro angeben, z. B. 462.800 oder 462.800,50.');
    expect(problemOf(AmountInputSchema, '0')).toBe(validateAmountCents(0));
    expect(problemOf(AmountInputSchema, '200.000.000')).toBe('Der Betrag ist unplausibel hoch (mehr als 100 Mio. Euro).');
  });
});

describe('the comment requests', () => {
  it('give the comment rule’s messages for the text, in the dialog and on the server alike', () => {
    for (const text of ['', '  \n ', 'x'.repeat(5001), 'gegen\u202Eläufig', 'a\u0007b']) {
      expect(problemOf(CommentTextRequestSchema, { text })).toBe(commentTextProblem(text));
      expect(problemOf(NewThreadRequestSchema, { entryId: ENTRY, text })).toBe(commentTextProblem(text));
    }
    expect(problemOf(CommentTextRequestSchema, { text: 42 })).toBe('Bitte einen Kommentar eingeben.');
    expect(problemOf(CommentTextRequestSchema, {})).toBe('Bitte einen Kommentar eingeben.');
  });

  it('ask for the entry a new thread belongs to', () => {
    for (const entryId of [undefined, '', 'x', 'p-'.padEnd(101, 'a'), 'P-GROSS-UND-KLEIN']) {
      expect(problemOf(NewThreadRequestSchema, { entryId, text: 'Hallo' })).toBe('Bitte das Projekt angeben, zu dem der Kommentar gehört.');
    }
  });

  it('take a passage of three strings, or none, and refuse any other shape', () => {
    const passage = { start: 'AQID', end: 'AQIE', quote: 'Wiedererlangung' };
    expect(checkInput(NewThreadRequestSchema, { entryId: ENTRY, text: 'Hallo', passage })).toEqual({ ok: true, value: { entryId: ENTRY, text: 'Hallo', passage } });
    expect(checkInput(NewThreadRequestSchema, { entryId: ENTRY, text: 'Hallo', passage: null }).ok).toBe(true);
    for (const bad of [{ ...passage, quote: ' ' }, { ...passage, quote: 'x'.repeat(501) }, { start: 'AQID', end: 'AQIE' }, { ...passage, extra: 1 }, 'AQID']) {
      expect(problemOf(NewThreadRequestSchema, { entryId: ENTRY, text: 'Hallo', passage: bad })).toBe('Die markierte Textstelle ist ungültig. Bitte markieren Sie sie erneut.');
    }
  });

  it('name markup or any other key they do not take', () => {
    expect(problemOf(NewThreadRequestSchema, { entryId: ENTRY, text: 'Hallo', html: '<b>x</b>' })).toBe('Die Angabe „html“ ist in dieser Anfrage nicht vorgesehen.');
    expect(problemOf(CommentTextRequestSchema, { text: 'Hallo', ['\u0007'.repeat(3) + 'k'.repeat(80)]: 1 })).toBe(`Die Angabe „${'k'.repeat(40)}“ ist in dieser Anfrage nicht vorgesehen.`);
  });
});

describe('the sign-off requests', () => {
  it('check the place with the place rule and ask for the password, before the hash', () => {
    expect(problemOf(SignRequestSchema, { place: '   ', password: '', hash: 'kaputt' })).toBe(placeProblem('   '));
    expect(problemOf(SignRequestSchema, { place: 'Eschwege', password: '', hash: 'kaputt' })).toBe('Bitte geben Sie Ihr Passwort ein.');
    expect(problemOf(SignRequestSchema, { place: 'Eschwege' })).toBe('Bitte geben Sie Ihr Passwort ein.');
    expect(problemOf(SignRequestSchema, { place: 'Eschwege', password: 'demo', hash: HASH.toUpperCase() })).toBe('Der Prüfwert des Textes ist ungültig.');
    expect(problemOf(SignRequestSchema, { place: 'Esch\u202Ewege', password: 'demo', hash: HASH })).toBe(placeProblem('Esch\u202Ewege'));
    expect(checkInput(SignRequestSchema, { place: 'Eschwege', password: 'demo', hash: HASH }).ok).toBe(true);
    expect(problemOf(SignRequestSchema, 'unterschreiben')).toBe('Bitte Ort, Passwort und den Prüfwert des gelesenen Textes angeben.');
  });

  it('check a reopening reason with the reason rule', () => {
    for (const reason of ['', 'ok', 'x'.repeat(1001)]) expect(problemOf(ReopenRequestSchema, { reason })).toBe(reasonProblem(reason));
    expect(problemOf(ReopenRequestSchema, {})).toBe('Bitte begründen Sie, warum die Vereinbarung zurückgeholt wird.');
    expect(checkInput(ReopenRequestSchema, { reason: 'Ein Projekt fehlt noch.' }).ok).toBe(true);
  });

  it('take nothing but an empty object for a release', () => {
    expect(checkInput(ReleaseRequestSchema, {})).toEqual({ ok: true, value: {} });
    expect(problemOf(ReleaseRequestSchema, { force: true })).toBe('Die Angabe „force“ ist in dieser Anfrage nicht vorgesehen.');
  });
});

describe('the log line of refused bodies', () => {
  it('says where and what in English, never the value received', () => {
    const result = v.safeParse(SignRequestSchema, { place: 'Eschwege', password: 12345678, hash: HASH });
    expect(result.success).toBe(false);
    const line = issuesForLog(result.issues ?? []);
    expect(line).toBe('password: string (expected string)');
    expect(line).not.toContain('12345678');
  });
});
