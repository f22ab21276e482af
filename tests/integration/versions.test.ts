import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { HistoryEvent } from '../../shared/api.js';
import { projectListFromBody } from '../../shared/editor/body.js';
import type { AttributionResponse, EntryChange, FieldNotice, RestoreResult, VersionDiff, VersionSummary } from '../../shared/history/types.js';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { entryText, groupOfType, newEntry, newGroup, projectList } from './body.js';
import { api, carriedEntryIds, DEMO_CAST, newClient, suiteServer, synced, type TestClient, WMK } from './harness.js';
import { detail, history, post } from './signoffTools.js';

/**
 * Version history against the real server, as one story on the Werra-Meißner draft: versions on
 * request and at every sign-off event, a comparison that names who made each change (district and
 * ministry editing at the same time), restoring §5 as a forward change, the amount as an event and
 * a notice for the other party, and who may see and do what.
 */
describe('version history of an agreement', () => {
  const suite = suiteServer(DEMO_CAST);
  const { cookies } = suite;
  const DISTRICT = { username: 'wmk-referat', name: 'Fachdienst Arbeit (Werra-Meißner-Kreis)' };
  const MINISTRY = { username: 'hmsi-referat', name: 'Referat AQB (HMSI)' };

  const json = async <T>(response: Response, status = 200): Promise<T> => {
    expect(response.status, await response.clone().text()).toBe(status);
    return (await response.json()) as T;
  };
  const versions = async (cookie = cookies.viewer) => json<VersionSummary[]>(await api(suite.server, `/agreements/${WMK}/versions`, cookie));
  const save = (cookie: string, name: string) => post(suite.server, `/agreements/${WMK}/versions`, cookie, { name });
  const compare = async (from: number | 'now', to: number | 'now', cookie = cookies.viewer) =>
    json<VersionDiff>(await api(suite.server, `/agreements/${WMK}/versions/${from}/compare/${to}`, cookie));
  const restore = (cookie: string, versionId: number) => post(suite.server, `/agreements/${WMK}/versions/${versionId}/restore`, cookie);
  const acknowledged = (client: TestClient) => vi.waitFor(() => expect(client.lastAck()).toBe(client.sentUpdates()));
  const entryElement = (doc: Y.Doc, id: string): Y.XmlElement => {
    for (const element of projectList(doc).createTreeWalker((node) => node instanceof Y.XmlElement && node.getAttribute('id') === id)) return element as Y.XmlElement;
    throw new Error(`no entry ${id}`);
  };
  const listOf = (doc: Y.Doc) => projectListFromBody(yXmlFragmentToProsemirrorJSON(doc.getXmlFragment('body')));
  const byId = (diff: VersionDiff, kind: EntryChange['kind'], entryId: string) => diff.entries.find((change) => change.kind === kind && change.entryId === entryId);
  const names = (change: { by: { username: string }[] } | undefined) => (change?.by.map((author) => author.username) ?? []).sort();

  let base: VersionSummary;
  let carried: (previousId: string) => string;
  const NEW_ENTRY = 'p-versions-sprungbrett';

  it('keeps a named version for editors of either party, in any status; viewers read the list, other districts find nothing', async () => {
    carried = await carriedEntryIds(suite.server, WMK, cookies.district);
    base = await json<VersionSummary>(await save(cookies.ministry, '  Basis vor den Änderungen  '), 201);
    expect(base).toMatchObject({ kind: 'named', name: 'Basis vor den Änderungen', createdBy: 'hmsi-referat', createdByName: MINISTRY.name, status: 'draft' });
    const district = await json<VersionSummary>(await save(cookies.district, 'Stand des Kreises'), 201);
    expect(district).toMatchObject({ kind: 'named', createdBy: 'wmk-referat', createdByName: DISTRICT.name });

    expect((await versions()).map((v) => v.name)).toEqual(['Stand des Kreises', 'Basis vor den Änderungen']);
    expect((await save(cookies.viewer, 'Gast')).status).toBe(403);
    expect((await save(cookies.landraetin, 'Landrätin')).status).toBe(403);
    expect(await json(await save(cookies.district, ''), 400)).toEqual({ error: 'Bitte geben Sie der Fassung einen Namen.' });
    expect((await save(cookies.district, 'x'.repeat(121))).status).toBe(400);
    expect(await json(await post(suite.server, `/agreements/${WMK}/versions`, cookies.district, { name: 'A', label: 'B' }), 400)).toEqual({ error: 'Die Angabe „label“ ist in dieser Anfrage nicht vorgesehen.' });
    const plain = await api(suite.server, `/agreements/${WMK}/versions`, cookies.district, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"name":"A"}' });
    expect(plain.status).toBe(415);
    expect((await post(suite.server, `/agreements/${WMK}/notices/seen`, cookies.district, { upToEventId: 'alle' })).status).toBe(400);
    // Fulda's editor learns nothing about the Werra-Meißner agreement, not even that it exists.
    for (const path of ['/versions', `/versions/${base.id}/compare/now`, '/attribution', '/notices']) {
      expect((await api(suite.server, `/agreements/${WMK}${path}`, cookies.fulda)).status).toBe(404);
    }
    expect((await save(cookies.fulda, 'Fremd')).status).toBe(404);
    expect((await api(suite.server, `/agreements/${WMK}/versions/999999/compare/now`, cookies.viewer)).status).toBe(404);
    expect((await api(suite.server, `/agreements/${WMK}/versions/0x1/compare/now`, cookies.viewer)).status).toBe(404);
    const saved = (await history(suite.server, WMK, cookies.viewer)).filter((event) => event.kind === 'version-saved');
    expect(saved.map((event) => [event.details.name, event.category])).toEqual([
      ['Basis vor den Änderungen', 'text'],
      ['Stand des Kreises', 'text'],
    ]);
  });

  it('compares a version with now entry by entry, naming who made each change, with both parties editing at once', async () => {
    const district = newClient(suite.server, WMK, cookies.district);
    const ministry = newClient(suite.server, WMK, cookies.ministry);
    await Promise.all([synced(district), synced(ministry)]);
    // Both edit before either hears of the other: the title of DREIplus is changed by both.
    district.doc.transact(() => {
      entryText(entryElement(district.doc, carried('p-wmk24-dreiplus'))).insert(0, 'NEU: ');
      entryText(entryElement(district.doc, carried('p-wmk24-aktiv'))).insert('"Aktiv in den Job (Junge-Mütter-Projekt)"'.length, ' 2025');
      groupOfType(district.doc, 3).push([newEntry(NEW_ENTRY, 'Sprungbrett Werra')]);
      // A move as the editor makes it: deleted in group 3, re-created with its id (and lineage) in a new group 1.
      const source = entryElement(district.doc, carried('p-wmk24-letswork'));
      const group = source.parent as Y.XmlElement;
      group.delete(group.toArray().indexOf(source), 1);
      const moved = newEntry(carried('p-wmk24-letswork'), "Let's work");
      moved.setAttribute('carriedFrom', 'p-wmk24-letswork');
      projectList(district.doc).insert(0, [newGroup(1, [moved])]);
    });
    ministry.doc.transact(() => {
      const dreiplus = entryText(entryElement(ministry.doc, carried('p-wmk24-dreiplus')));
      dreiplus.insert(dreiplus.length, ' (verlängert)');
      entryText(entryElement(ministry.doc, carried('p-wmk24-uebergang'))).insert('Übergangsmanagement'.length, ' Schule–Beruf');
      const gefl2 = entryElement(ministry.doc, carried('p-wmk24-gefl2'));
      (gefl2.parent as Y.XmlElement).delete((gefl2.parent as Y.XmlElement).toArray().indexOf(gefl2), 1);
      const list = projectList(ministry.doc);
      list.delete(list.toArray().indexOf(groupOfType(ministry.doc, 4)), 1);
    });
    await Promise.all([acknowledged(district), acknowledged(ministry)]);
    expect([district.closes, ministry.closes]).toEqual([[], []]);
    district.destroy();
    ministry.destroy();

    const diff = await compare(base.id, 'now');
    expect(diff.from).toEqual({ kind: 'version', version: base });
    expect(diff.to.kind).toBe('now');
    expect(diff.groups.map((g) => [g.kind, g.measureType, names(g)])).toEqual([
      ['added', 1, ['wmk-referat']],
      ['removed', 4, ['hmsi-referat']],
    ]);
    expect(diff.entries.map((e) => `${e.kind} ${e.title}`).sort()).toEqual(
      [
        'added Sprungbrett Werra',
        "moved Let's work",
        'removed Geflüchtete II',
        'removed Strategieentwicklung',
        'renamed "Aktiv in den Job (Junge-Mütter-Projekt)" 2025',
        'renamed NEU: DREIplus - Wiedererlangung der Erwerbsfähigkeit (verlängert)',
        'renamed Übergangsmanagement Schule–Beruf',
      ].sort(),
    );
    expect(byId(diff, 'added', NEW_ENTRY)).toMatchObject({ toGroup: 3, by: [DISTRICT], at: expect.any(Number) });
    expect(byId(diff, 'moved', carried('p-wmk24-letswork'))).toMatchObject({ fromGroup: 3, toGroup: 1, by: [DISTRICT] });
    expect(byId(diff, 'renamed', carried('p-wmk24-aktiv'))).toMatchObject({
      oldTitle: '"Aktiv in den Job (Junge-Mütter-Projekt)"',
      words: [
        { op: 'same', text: '"Aktiv in den Job (Junge-Mütter-Projekt)"' },
        { op: 'insert', text: ' 2025' },
      ],
      by: [DISTRICT],
    });
    expect(names(byId(diff, 'renamed', carried('p-wmk24-dreiplus')))).toEqual(['hmsi-referat', 'wmk-referat']);
    expect(byId(diff, 'renamed', carried('p-wmk24-uebergang'))).toMatchObject({ by: [MINISTRY] });
    expect(byId(diff, 'removed', carried('p-wmk24-gefl2'))).toMatchObject({ fromGroup: 3, by: [MINISTRY] });
    expect(byId(diff, 'removed', carried('p-wmk24-strategie'))).toMatchObject({ fromGroup: 4, by: [MINISTRY] });
    expect(diff.fields).toEqual([]);

    // A named version of this state compares the same, and against now shows nothing.
    const after = await json<VersionSummary>(await save(cookies.district, 'Nach den Änderungen'), 201);
    const between = await compare(base.id, after.id);
    expect(between.entries).toEqual(diff.entries);
    expect(between.groups).toEqual(diff.groups);
    expect(await compare(after.id, 'now')).toMatchObject({ groups: [], entries: [], fields: [] });
  });

  it('tells who created each entry and who changed it last, from the update log', async () => {
    const { entries: attributed } = await json<AttributionResponse>(await api(suite.server, `/agreements/${WMK}/attribution`, cookies.viewer));
    const of = (id: string) => attributed.find((entry) => entry.entryId === id);
    expect(of(NEW_ENTRY)).toMatchObject({ createdBy: DISTRICT, changedBy: DISTRICT, createdAt: expect.any(Number) });
    // A moved entry keeps its creator (the round that carried it over); the move is its last change.
    const letswork = of(carried('p-wmk24-letswork'));
    expect(letswork?.createdBy?.username).not.toBe('wmk-referat');
    expect(letswork?.changedBy).toEqual(DISTRICT);
    expect(of(carried('p-wmk24-uebergang'))?.changedBy).toEqual(MINISTRY);
    expect(of(carried('p-wmk24-gefl1'))).toMatchObject({ changedBy: letswork?.createdBy });
    expect(of(carried('p-wmk24-gefl2'))).toBeUndefined();
  });

  it('records a change of the amount as an event and shows it to the other party until they have seen it', async () => {
    const before = (await detail(suite.server, WMK, cookies.ministry)).fields.amountCents;
    const patched = await api(suite.server, `/agreements/${WMK}/fields`, cookies.ministry, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amountCents: 500_000_00 }),
    });
    expect(patched.status).toBe(200);
    const event = (await history(suite.server, WMK, cookies.viewer)).find((e: HistoryEvent) => e.kind === 'fields-changed');
    expect(event).toMatchObject({ actor: 'hmsi-referat', actorName: MINISTRY.name, category: 'text', details: { field: 'amountCents', from: String(before), to: '50000000' } });

    const notices = async (cookie: string) => (await json<{ notices: FieldNotice[] }>(await api(suite.server, `/agreements/${WMK}/notices`, cookie))).notices;
    expect(await notices(cookies.district)).toEqual([{ eventId: event?.id, field: 'amountCents', from: before, to: 500_000_00, by: MINISTRY, at: event?.at }]);
    expect(await notices(cookies.viewer)).toHaveLength(1);
    expect(await notices(cookies.ministry)).toEqual([]);
    expect((await post(suite.server, `/agreements/${WMK}/notices/seen`, cookies.district, {})).status).toBe(200);
    expect(await notices(cookies.district)).toEqual([]);
    // Seen is per user: the district's viewer still has it.
    expect(await notices(cookies.viewer)).toHaveLength(1);

    const diff = await compare(base.id, 'now');
    expect(diff.fields).toEqual([{ field: 'amountCents', from: before, to: 500_000_00, by: [MINISTRY], at: event?.at }]);
  });

  it('restores §5 as a forward change that everyone connected sees, and the version kept before it undoes it', async () => {
    const observer = newClient(suite.server, WMK, cookies.ministry);
    await synced(observer);
    const changed = listOf(observer.doc);
    expect(await compare(base.id, base.id)).toMatchObject({ groups: [], entries: [], fields: [] });

    expect((await restore(cookies.viewer, base.id)).status).toBe(403);
    expect((await restore(cookies.landraetin, base.id)).status).toBe(403);
    expect((await restore(cookies.fulda, base.id)).status).toBe(404);
    expect((await restore(cookies.district, 999999)).status).toBe(404);
    const restored = await json<RestoreResult>(await restore(cookies.district, base.id));
    expect(restored.before).toMatchObject({ kind: 'restore', name: 'Stand vor der Wiederherstellung von „Basis vor den Änderungen“', createdBy: 'wmk-referat' });

    // The observer converges on the base's §5, with the ids it had.
    await vi.waitFor(async () => expect((await compare(base.id, 'now')).entries).toEqual([]));
    const now = await compare(base.id, 'now');
    expect(now.groups).toEqual([]);
    await vi.waitFor(() => expect(listOf(observer.doc).flatMap((g) => g.entries.map((e) => e.id))).toContain(carried('p-wmk24-gefl2')));
    expect(listOf(observer.doc).map((g) => g.measureType)).toEqual([3, 4]);
    expect(listOf(observer.doc)[0]?.entries.map((e) => e.title)).toContain('Geflüchtete II');
    // The amount is no part of §5: a restore leaves it.
    expect(now.fields.map((f) => f.field)).toEqual(['amountCents']);
    const restoredEvent = (await history(suite.server, WMK, cookies.viewer)).at(-1);
    expect(restoredEvent).toMatchObject({ kind: 'restored', actor: 'wmk-referat', category: 'text', details: { label: 'wiederhergestellt aus Fassung „Basis vor den Änderungen“' } });
    // Who restored it is named as the author of the changes it made.
    expect(byId(await compare(restored.before?.id ?? 0, 'now'), 'removed', NEW_ENTRY)).toMatchObject({ by: [DISTRICT] });

    // Undo: restoring the version kept before brings the changed list back.
    await json<RestoreResult>(await restore(cookies.district, restored.before?.id ?? 0));
    await vi.waitFor(() => expect(listOf(observer.doc)).toEqual(changed));
    expect(observer.closes).toEqual([]);
    observer.destroy();
  });

  it('keeps a version at every release, reopen and final; a frozen agreement refuses a restore', async () => {
    expect((await post(suite.server, `/agreements/${WMK}/release`, cookies.ministry)).status).toBe(200);
    const [released] = await versions();
    expect(released).toMatchObject({ kind: 'release', name: 'Zur Zeichnung freigegeben', status: 'released', createdBy: 'hmsi-referat' });
    // The released version is the document as released: nothing differs from now.
    expect(await compare(released?.id ?? 0, 'now')).toMatchObject({ groups: [], entries: [], fields: [] });
    expect(await json(await restore(cookies.district, base.id), 409)).toEqual({ error: expect.stringContaining('nur im Entwurf') });
    // Saving a version is allowed in any status.
    expect((await save(cookies.district, 'Freigegebene Fassung des Kreises')).status).toBe(201);

    expect((await post(suite.server, `/agreements/${WMK}/reopen`, cookies.district, { reason: 'Ein Projekt fehlt noch.' })).status).toBe(200);
    expect((await versions())[0]).toMatchObject({ kind: 'reopen', name: 'Zurückgeholt in den Entwurf', status: 'draft', createdBy: 'wmk-referat' });

    // After the reopen the district adds and renames; the ministry compares the release with now.
    const district = newClient(suite.server, WMK, cookies.district);
    await synced(district);
    district.doc.transact(() => {
      groupOfType(district.doc, 3).push([newEntry('p-versions-nachtrag', 'Nachtrag Jugendwerkstatt')]);
      entryText(entryElement(district.doc, carried('p-wmk24-gefl1'))).insert('Geflüchtete I'.length, ' (Sprachkurs)');
    });
    await acknowledged(district);
    district.destroy();
    const diff = await compare(released?.id ?? 0, 'now', cookies.ministry);
    expect(diff.entries.map((e) => [e.kind, e.title, names(e)])).toEqual([
      ['renamed', 'Geflüchtete I (Sprachkurs)', ['wmk-referat']],
      ['added', 'Nachtrag Jugendwerkstatt', ['wmk-referat']],
    ]);
    expect(diff.entries[0]?.by).toEqual([DISTRICT]);

    expect((await post(suite.server, `/agreements/${WMK}/release`, cookies.ministry)).status).toBe(200);
    const hash = (await detail(suite.server, WMK, cookies.ministry)).release?.hash ?? '';
    expect((await post(suite.server, `/agreements/${WMK}/sign`, cookies.minister, { hash, place: 'Wiesbaden', password: 'demo' })).status).toBe(200);
    expect((await versions())[0]?.kind).toBe('release');
    expect((await post(suite.server, `/agreements/${WMK}/sign`, cookies.landraetin, { hash, place: 'Eschwege', password: 'demo' })).status).toBe(200);
    const all = await versions();
    expect(all[0]).toMatchObject({ kind: 'final', name: 'Von beiden Seiten unterzeichnet', status: 'final', createdBy: 'wmk-landraetin' });
    expect(all.map((v) => v.kind)).toEqual(['final', 'release', 'reopen', 'named', 'release', 'restore', 'restore', 'named', 'named', 'named']);
    expect((await restore(cookies.ministry, base.id)).status).toBe(409);
    // Every version of the final agreement compares: the first release against the final one.
    expect((await compare(all.filter((v) => v.kind === 'release').at(-1)?.id ?? 0, all[0]?.id ?? 0)).entries.map((e) => e.kind).sort()).toEqual(['added', 'renamed']);
  });
});
