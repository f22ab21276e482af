import { describe, expect, it } from 'vitest';
import { mailSafeText, notificationMail, notificationText } from '../../server/notifications/messages.js';
import { recipientsOf, type Person } from '../../server/notifications/recipients.js';

const WMK = 'werra-meissner-kreis';
const people: Person[] = [
  { username: 'referat', role: 'ministry-editor', districtId: null, active: true },
  { username: 'ministerin', role: 'ministry-signatory', districtId: null, active: true },
  { username: 'stv', role: 'ministry-signatory', districtId: null, active: false },
  { username: 'wmk', role: 'district-editor', districtId: WMK, active: true },
  { username: 'landraetin', role: 'district-signatory', districtId: WMK, active: true },
  { username: 'gast', role: 'viewer', districtId: WMK, active: true },
  { username: 'fulda', role: 'district-editor', districtId: 'fulda', active: true },
  { username: 'fulda-sig', role: 'district-signatory', districtId: 'fulda', active: true },
];

describe('who is told of an event', () => {
  it('never tells another district, a deactivated user or the actor, whatever the kind', () => {
    for (const kind of ['sign-requested', 'final', 'reopened', 'amount-changed', 'round-started', 'deadline-soon', 'deadline-overdue'] as const) {
      const told = recipientsOf({ kind }, people, WMK, 'referat');
      expect(told).not.toContain('fulda');
      expect(told).not.toContain('fulda-sig');
      expect(told).not.toContain('stv');
      expect(told).not.toContain('referat');
    }
    expect(recipientsOf({ kind: 'mention', mentioned: ['fulda', 'stv', 'referat', 'gast'] }, people, WMK, 'referat')).toEqual(['gast']);
  });

  it('asks the signatories of both parties to sign, and tells the other party of a signature', () => {
    expect(recipientsOf({ kind: 'sign-requested' }, people, WMK, 'referat')).toEqual(['ministerin', 'landraetin']);
    expect(recipientsOf({ kind: 'signed', party: 'district' }, people, WMK, 'landraetin')).toEqual(['referat', 'ministerin']);
    expect(recipientsOf({ kind: 'signed', party: 'ministry' }, people, WMK, 'ministerin')).toEqual(['wmk', 'landraetin']);
  });

  it('tells those who took part in a thread of a reply, except whoever is mentioned in it', () => {
    expect(recipientsOf({ kind: 'reply', participants: ['wmk', 'referat', 'gast'], mentioned: ['gast'] }, people, WMK, 'referat')).toEqual(['wmk']);
  });

  it('tells the district’s working accounts of a new round, and both parties of a deadline', () => {
    expect(recipientsOf({ kind: 'round-started' }, people, WMK, 'system')).toEqual(['wmk', 'landraetin']);
    expect(recipientsOf({ kind: 'deadline-soon' }, people, WMK, 'system')).toEqual(['referat', 'ministerin', 'wmk', 'landraetin']);
  });
});

describe('the words of a notification', () => {
  const facts = { kind: 'reopened' as const, title: 'Zielvereinbarung 2025 – Stadt Kassel', actorName: 'Referat AQB', reason: 'Betrag für Projekt X falsch' };

  it('keeps the reopening reason in the app and out of the mail', () => {
    expect(notificationText(facts)).toBe('Referat AQB hat „Zielvereinbarung 2025 – Stadt Kassel“ wieder geöffnet. Grund: Betrag für Projekt X falsch');
    const mail = notificationMail(facts, 'https://vereinbar.test/vereinbarungen/x');
    expect(mail.subject).toBe('vereinbar: Wieder geöffnet – Zielvereinbarung 2025 – Stadt Kassel');
    expect(mail.body).not.toContain('Projekt X');
    expect(mail.body).toContain('Zur Vereinbarung: https://vereinbar.test/vereinbarungen/x');
    expect(mailSafeText('reopened', notificationText(facts))).not.toContain('Projekt X');
  });
});
