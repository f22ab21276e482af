import { afterEach, describe, expect, it, vi } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CLOSE, MESSAGE, ROOT } from '../../shared/protocol.js';
import { firstEntryText } from './body.js';
import { agreementText, api, FULDA, login, newClient, suiteServer, synced, WMK, WMK_2024, type TestClient } from './harness.js';
import { connectRaw, tryUpgrade } from './rawClient.js';

/** Who may read, write and connect: roles, districts, cookies, origins, awareness identity. */
describe('access to an agreement', () => {
  const suite = suiteServer({ ministry: 'hmsi-referat', district: 'wmk-referat', viewer: 'wmk-gast', signatory: 'wmk-landraetin', fulda: 'fd-referat' });
  const { cookies } = suite;
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });

  function open(cookie: string): TestClient {
    const client = newClient(suite.server, WMK, cookie);
    clients.push(client);
    return client;
  }

  it.each([
    ['a viewer', 'viewer', 'wmk-gast', 'role viewer may not edit'],
    ['a signatory', 'signatory', 'wmk-landraetin', 'role district-signatory may not edit'],
  ] as const)('lets %s read live, but closes it with 4403 and stores nothing when it writes', async (_who, role, username, reason) => {
    const reader = open(cookies[role]);
    const editor = open(cookies.district);
    await Promise.all([synced(reader), synced(editor)]);

    firstEntryText(editor.doc).insert(0, 'LIVE ');
    await vi.waitFor(() => expect(firstEntryText(reader.doc).toString()).toMatch(/^LIVE /));
    expect(reader.closes).toEqual([]);

    firstEntryText(reader.doc).insert(0, 'UNERLAUBT ');
    await vi.waitFor(() => expect(reader.closes).toEqual([CLOSE.forbiddenUpdate]));
    expect(suite.server.log.lines).toContainEqual(
      expect.objectContaining({ event: 'connection-closed', details: expect.objectContaining({ user: username, code: CLOSE.forbiddenUpdate, reason }) }),
    );
    // The editor's next edit is committed after the refused write would have been.
    firstEntryText(editor.doc).delete(0, 'LIVE '.length);
    await expect.poll(() => agreementText(suite.server, WMK, cookies.district)).toContain('- DREIplus - Wiedererlangung der Erwerbsfähigkeit\n');
    expect(await agreementText(suite.server, WMK, cookies.district)).not.toContain('UNERLAUBT');
    expect(firstEntryText(editor.doc).toString()).toBe('DREIplus - Wiedererlangung der Erwerbsfähigkeit');
  });

  // Logging out ends the session's websockets too (docs/protocol.md, 4401), not only its cookie.
  it('closes a connection with 4401 once its session is logged out, and stores nothing it sends after', async () => {
    const cookie = await login(suite.server, 'wmk-referat');
    const editor = open(cookie);
    await synced(editor);
    expect((await api(suite.server, '/logout', cookie, { method: 'POST' })).status).toBe(200);
    firstEntryText(editor.doc).insert(0, 'NACH DER ABMELDUNG ');
    await vi.waitFor(() => expect(editor.closes).toEqual([CLOSE.unauthenticated]));
    expect(await agreementText(suite.server, WMK, cookies.district)).not.toContain('NACH DER ABMELDUNG');
  });

  it("refuses another district's agreement: 403 on the API and on the websocket, before the upgrade", async () => {
    for (const path of [`/agreements/${WMK}`, `/agreements/${WMK}/text`]) {
      const response = await api(suite.server, path, cookies.fulda);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'Sie haben keinen Zugriff auf diese Vereinbarung.' });
    }
    expect(await tryUpgrade(suite.server, WMK, { cookie: cookies.fulda })).toEqual({ upgraded: false, status: 403, messages: 0 });
    // Its own agreement it may open.
    expect(await tryUpgrade(suite.server, FULDA, { cookie: cookies.fulda })).toMatchObject({ upgraded: true });
  });

  it('refuses the upgrade without a session cookie (401) and from a foreign origin (403)', async () => {
    expect(await tryUpgrade(suite.server, WMK, {})).toEqual({ upgraded: false, status: 401, messages: 0 });
    expect(await tryUpgrade(suite.server, WMK, { cookie: 'vereinbar_session=erfunden' })).toEqual({ upgraded: false, status: 401, messages: 0 });
    expect(await tryUpgrade(suite.server, WMK, { cookie: cookies.district, origin: 'https://evil.example' })).toEqual({ upgraded: false, status: 403, messages: 0 });
    expect(await tryUpgrade(suite.server, WMK, { cookie: cookies.district, origin: suite.server.url })).toMatchObject({ upgraded: true });
  });

  it('refuses state-changing requests from a foreign origin (403) and keeps the amount', async () => {
    const response = await api(suite.server, `/agreements/${WMK}/fields`, cookies.ministry, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ amountCents: 1_00 }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'Anfrage von einer fremden Seite abgelehnt.' });
    const detail = (await (await api(suite.server, `/agreements/${WMK}`, cookies.ministry)).json()) as { fields: { amountCents: number } };
    expect(detail.fields.amountCents).not.toBe(1_00);
  });

  it('lists only the own district to district users and every agreement to the ministry', async () => {
    const ids = async (cookie: string) => ((await (await api(suite.server, '/agreements', cookie)).json()) as { id: string }[]).map((a) => a.id).sort();
    // The district's own agreements of every year: the paper one of 2024 and the draft of 2025.
    expect(await ids(cookies.district)).toEqual([WMK_2024, WMK]);
    expect(await ids(cookies.viewer)).toEqual([WMK_2024, WMK]);
    expect(await ids(cookies.fulda)).toEqual([FULDA, 'aqb-2025-fulda']);
    // The ministry: both of 2024 and all 26 of 2025.
    const all = await ids(cookies.ministry);
    expect(all).toHaveLength(28);
    expect(all).toEqual(expect.arrayContaining([FULDA, WMK_2024, WMK]));
    expect((await api(suite.server, '/agreements', null)).status).toBe(401);
  });

  describe('the §4 amount', () => {
    const patch = (cookie: string, body: unknown) =>
      api(suite.server, `/agreements/${WMK}/fields`, cookie, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it("is changed by the ministry editor, live in every open editor and in the text", async () => {
      const editor = open(cookies.district);
      await synced(editor);
      const response = await patch(cookies.ministry, { amountCents: 500_000_00 });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { fields: { amountCents: number } }).fields.amountCents).toBe(500_000_00);
      await vi.waitFor(() => expect(editor.doc.getMap(ROOT.fields).get('amountCents')).toBe(500_000_00));
      expect(await agreementText(suite.server, WMK, cookies.district)).toContain('\n500.000 Euro\n');
      expect(editor.closes).toEqual([]);
    });

    it('may not be changed by the district editor (403, in German)', async () => {
      const response = await patch(cookies.district, { amountCents: 1_00 });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: 'Nur das Referat des Ministeriums kann den Betrag in § 4 ändern.' });
    });

    it.each([[-5], [0], [12.5], ['462800'], [1e15], [null]])('refuses the amount %j with 400 and a German message', async (amountCents) => {
      const response = await patch(cookies.ministry, { amountCents });
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: string };
      expect(error).toMatch(/Betrag/);
    });
  });

  describe('awareness', () => {
    it("shows the server's identity of a user, whatever name the client claims", async () => {
      const district = open(cookies.district);
      const ministry = open(cookies.ministry);
      await Promise.all([synced(district), synced(ministry)]);
      district.provider.awareness.setLocalStateField('user', { name: 'Heike Hofmann', color: '#000000', username: 'hmsi-ministerin' });
      await vi.waitFor(() =>
        expect(ministry.provider.awareness.getStates().get(district.doc.clientID)).toMatchObject({
          user: { name: 'Fachdienst Arbeit (Werra-Meißner-Kreis)', username: 'wmk-referat', color: '#b45309', party: 'Werra-Meißner-Kreis' },
        }),
      );
    });

    it("does not let a connection speak for another connection's awareness client id", async () => {
      const victim = open(cookies.ministry);
      const watcher = open(cookies.signatory);
      await Promise.all([synced(victim), synced(watcher)]);
      victim.provider.awareness.setLocalStateField('cursor', cursorAt(1));
      await vi.waitFor(() => expect(watcher.provider.awareness.getStates().get(victim.doc.clientID)).toMatchObject({ cursor: cursorAt(1) }));

      const attacker = connectRaw(suite.server, WMK, cookies.district);
      await attacker.synced;
      const victimId = victim.doc.clientID;
      // A forged state and a forged removal for the victim's id, then the attacker's own state.
      attacker.sendRaw(awarenessMessage([[victimId, 1000, { cursor: cursorAt(666), user: { name: 'Referat AQB (HMSI)' } }]]));
      attacker.sendRaw(awarenessMessage([[victimId, 1001, null]]));
      attacker.sendRaw(awarenessMessage([[attacker.doc.clientID, 1, { cursor: null }]]));

      await vi.waitFor(() => expect(watcher.provider.awareness.getStates().get(attacker.doc.clientID)).toMatchObject({ user: { username: 'wmk-referat' } }));
      expect(watcher.provider.awareness.getStates().get(victimId)).toMatchObject({ cursor: cursorAt(1), user: { username: 'hmsi-referat' } });
      expect(victim.provider.awareness.getLocalState()).toMatchObject({ cursor: cursorAt(1) });
      attacker.close();
    });
  });
});

/** A cursor as y-prosemirror sets it (anchor and head as Yjs relative positions); the server relays only valid ones. */
function cursorAt(clock: number) {
  const position = { type: { client: 1, clock: 0 }, tname: null, item: { client: 1, clock }, assoc: 0 };
  return { anchor: position, head: position };
}

/** An awareness message as y-protocols encodes it, with states chosen by the test. */
function awarenessMessage(states: [clientId: number, clock: number, state: unknown][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, states.length);
  for (const [clientId, clock, state] of states) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE.awareness);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}
