import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { presentUsers, type PresentUser } from '../../client/src/collab/usePresence.js';
import { Presence } from '../../client/src/editor/Presence.js';
import { describe as describeUser, distinctInitials, initials } from '../../client/src/editor/presenceLabels.js';

const state = (username: string, name: string, party: string, role: string, color = '#1d4ed8') => ({ user: { username, name, party, role, color } });

const ministry = state('hmsi-referat', 'Referat AQB (HMSI)', 'Ministerium', 'ministry-editor');
const fulda = state('fd-referat', 'Referat AQB (Landkreis Fulda)', 'Fulda', 'district-editor', '#047857');
const district = state('wmk-referat', 'Fachdienst Arbeit (Werra-Meißner-Kreis)', 'Werra-Meißner-Kreis', 'district-editor', '#b45309');

describe('who is shown as present', () => {
  it('merges several tabs of one person and leaves out one’s own other tabs', () => {
    const states = new Map<number, unknown>([[1, district], [2, ministry], [3, ministry], [4, district], [5, { cursor: null }]]);
    const users = presentUsers(states, 1, 'wmk-referat');
    expect(users.map((user) => user.key)).toEqual(['hmsi-referat']);
  });

  it('gives people whose names start alike different letters', () => {
    expect(initials('Referat AQB (HMSI)')).toBe('RH');
    expect(initials('Referat AQB (Landkreis Fulda)')).toBe('RF');
    expect(initials('Nicole Rathgeber')).toBe('NR');
    expect(initials('Gast')).toBe('GA');
    const twins: PresentUser[] = [1, 2].map((n) => ({ key: `u${n}`, name: 'Nina Roth', color: '#000000', party: 'Fulda', role: null }));
    expect(distinctInitials(twins)).toEqual(['NR', 'NR2']);
  });

  it('describes a person by name, role and party', () => {
    const [user] = presentUsers(new Map([[2, district]]), 1, 'hmsi-referat');
    if (!user) throw new Error('nobody present');
    expect(describeUser(user)).toBe('Fachdienst Arbeit (Werra-Meißner-Kreis) · Kreis/Stadt, Referat');
    const [other] = presentUsers(new Map([[2, state('x', 'Nina Roth', 'Fulda', 'viewer')]]), 1, 'hmsi-referat');
    if (!other) throw new Error('nobody present');
    expect(describeUser(other)).toBe('Nina Roth · Lesezugriff · Fulda');
  });
});

describe('the presence avatars', () => {
  function render(states: Map<number, unknown>): string {
    const awareness = new Awareness(new Y.Doc());
    for (const [clientId, value] of states) awareness.states.set(clientId, value as Record<string, unknown>);
    const provider = { awareness } as unknown as WebsocketProvider;
    const markup = renderToStaticMarkup(createElement(Presence, { provider, username: 'wmk-referat' }));
    awareness.destroy();
    return markup;
  }

  it('show a few people and the rest as „+N“ with their names for screen readers', () => {
    const many = new Map<number, unknown>([[10, ministry], [11, fulda]]);
    for (let n = 0; n < 5; n++) many.set(20 + n, state(`gast-${n}`, `Gast ${n} Beispiel`, 'Fulda', 'viewer'));
    const markup = render(many);
    expect(markup.match(/class="presence-user is-/g)).toHaveLength(3);
    expect(markup).toContain('>+4<');
    expect(markup).toContain('und 4 weitere:');
    expect(markup).toContain('title="Gast 0 Beispiel · Lesezugriff · Fulda"');
    expect(markup).toContain('Referat AQB (HMSI) · Ministerium, Referat; Referat AQB (Landkreis Fulda) · Kreis/Stadt, Referat</span>');
  });

  it('show nothing when nobody else is there', () => {
    expect(render(new Map([[7, district]]))).toBe('');
  });
});
