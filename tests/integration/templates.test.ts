import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol.js';
import type { TemplateVersionSummary } from '../../shared/template/model.js';
import type { BlockDiff } from '../../shared/template/diff.js';
import { agreementText, api, newClient, suiteServer, synced } from './harness.js';
import { connectRaw, tryUpgrade } from './rawClient.js';
import { json, postJson, roundBody } from './roundsClient.js';
import { firstText, newDraft, patchJson, piece, publish, section, templateDetail, templateRoom } from './templatesClient.js';

/**
 * Template versions (issue 11) against the real server: who sees and writes what, the publish
 * checks, and that a published version never changes, over HTTP or the websocket.
 */
describe('template versions', () => {
  const suite = suiteServer({ ministry: 'hmsi-referat', minister: 'hmsi-ministerin', wmk: 'wmk-referat', fulda: 'fd-referat' });

  it('lists the versions with state and usage for the ministry, and refuses the list to a district', async () => {
    const list = await json<TemplateVersionSummary[]>(await api(suite.server, '/templates', suite.cookies.minister));
    expect(list.map(({ version, state, usage }) => ({ version, state, usage }))).toEqual([
      { version: 'aqb-2024', state: 'published', usage: 2 },
      { version: 'aqb-2025', state: 'published', usage: 26 },
      { version: 'aqb-2026-entwurf', state: 'draft', usage: 0 },
    ]);
    expect(list[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const refused = await api(suite.server, '/templates', suite.cookies.wmk);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'Die Vorlagen sind dem Ministerium vorbehalten.' });
  });

  it('shows a district only the published versions of its own agreements; drafts do not exist for it', async () => {
    expect((await templateDetail(suite.server, 'aqb-2025', suite.cookies.wmk)).state).toBe('published');
    expect((await api(suite.server, '/templates/aqb-2026-entwurf', suite.cookies.wmk)).status).toBe(404);
    expect((await api(suite.server, '/templates/aqb-2026-entwurf/preview?district=werra-meissner-kreis&year=2026', suite.cookies.wmk)).status).toBe(404);
    expect(await tryUpgrade(suite.server, templateRoom('aqb-2026-entwurf'), { cookie: suite.cookies.wmk })).toEqual({ upgraded: false, status: 404, messages: 0 });
  });

  it('lets only the ministry editor write: a signatory of the ministry reads drafts but cannot copy, rename or publish', async () => {
    expect((await templateDetail(suite.server, 'aqb-2026-entwurf', suite.cookies.minister)).state).toBe('draft');
    expect((await postJson(suite.server, '/templates', suite.cookies.minister, { from: 'aqb-2025', version: 'aqb-2027', label: 'AQB 2027' })).status).toBe(403);
    expect((await patchJson(suite.server, '/templates/aqb-2026-entwurf', suite.cookies.minister, { label: 'Neu' })).status).toBe(403);
    expect((await publish(suite.server, 'aqb-2026-entwurf', suite.cookies.minister)).status).toBe(403);
    expect((await postJson(suite.server, '/templates', suite.cookies.wmk, { from: 'aqb-2025', version: 'aqb-2027', label: 'AQB 2027' })).status).toBe(403);

    const reader = connectRaw(suite.server, templateRoom('aqb-2026-entwurf'), suite.cookies.minister);
    await reader.synced;
    firstText(reader.doc, 'p3', 2).insert(0, 'Eingeschmuggelt. ');
    expect((await reader.closed).code).toBe(CLOSE.forbiddenUpdate);
    expect(JSON.stringify((await templateDetail(suite.server, 'aqb-2026-entwurf', suite.cookies.ministry)).content)).not.toContain('Eingeschmuggelt');
  });

  it('refuses a draft id twice, and ids that are no version ids', async () => {
    await newDraft(suite.server, suite.cookies.ministry, 'aqb-2025', 'aqb-2028-a');
    const twice = await postJson(suite.server, '/templates', suite.cookies.ministry, { from: 'aqb-2025', version: 'aqb-2028-a', label: 'Nochmal' });
    expect(twice.status).toBe(409);
    const bad = await postJson(suite.server, '/templates', suite.cookies.ministry, { from: 'aqb-2025', version: '../x', label: 'X' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^Kennung:/);
  });

  it('refuses to publish a draft with an empty paragraph, naming it; publishes it once fixed, with its hash', async () => {
    await newDraft(suite.server, suite.cookies.ministry, 'aqb-2024', 'aqb-2029');
    const editor = newClient(suite.server, templateRoom('aqb-2029'), suite.cookies.ministry);
    await synced(editor);
    const paragraph = piece(editor.doc, 'p3', 2);
    paragraph.delete(0, paragraph.length);
    await vi.waitFor(() => expect(editor.lastAck()).toBe(editor.sentUpdates()));

    const refused = await publish(suite.server, 'aqb-2029', suite.cookies.ministry);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: 'Die Fassung kann so nicht veröffentlicht werden.', problems: ['§ 3, Absatz 3: leerer Absatz.'] });

    paragraph.insert(0, [new Y.XmlText('Ab 2029 gilt ein neuer Absatz.')]);
    await vi.waitFor(() => expect(editor.lastAck()).toBe(editor.sentUpdates()));
    const published = await json<{ state: string; sha256: string; publishedBy: string }>(await publish(suite.server, 'aqb-2029', suite.cookies.ministry));
    expect(published).toMatchObject({ state: 'published', publishedBy: 'hmsi-referat' });
    expect(published.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The connected editor learns it at once: the version's state in its document.
    await vi.waitFor(() => expect(editor.doc.getMap('version').get('state')).toBe('published'));
    expect(await (await api(suite.server, '/templates/aqb-2029/preview?district=fulda&year=2029', suite.cookies.ministry)).text()).toContain('§ 3\n\nUmsetzung der UN-Behindertenrechtskonvention\n\nAb 2029 gilt ein neuer Absatz.\n\n§ 4');
    editor.destroy();
  });

  it('publishes a draft once when two editors press „Veröffentlichen“ at the same time', async () => {
    await newDraft(suite.server, suite.cookies.ministry, 'aqb-2025', 'aqb-2032');
    const answers = await Promise.all([publish(suite.server, 'aqb-2032', suite.cookies.ministry), publish(suite.server, 'aqb-2032', suite.cookies.ministry)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect((await templateDetail(suite.server, 'aqb-2032', suite.cookies.ministry)).state).toBe('published');
  });

  it('never changes a published version over HTTP: no rename, no second publication, no deletion', async () => {
    for (const version of ['aqb-2024', 'aqb-2029']) {
      const before = await templateDetail(suite.server, version, suite.cookies.ministry);
      expect((await patchJson(suite.server, `/templates/${version}`, suite.cookies.ministry, { label: 'Umbenannt' })).status).toBe(409);
      expect((await publish(suite.server, version, suite.cookies.ministry)).status).toBe(409);
      expect((await api(suite.server, `/templates/${version}`, suite.cookies.ministry, { method: 'DELETE' })).status).toBe(409);
      expect(await templateDetail(suite.server, version, suite.cookies.ministry)).toEqual(before);
    }
  });

  it.each([
    ['types into a published version', 4409, (doc: Y.Doc) => firstText(doc, 'p3', 2).insert(0, 'Nachträglich. ')],
    ['marks a published version as a draft again', 4403, (doc: Y.Doc) => doc.getMap('version').set('state', 'draft')],
  ])('refuses a websocket update that %s: closes with %i and stores nothing, also after a restart', async (_name, code, change) => {
    for (const version of ['aqb-2024', 'aqb-2029']) {
      const before = await templateDetail(suite.server, version, suite.cookies.ministry);
      const attacker = connectRaw(suite.server, templateRoom(version), suite.cookies.ministry);
      await attacker.synced;
      attacker.doc.transact(() => change(attacker.doc));
      expect((await attacker.closed).code).toBe(code);
      suite.server = await suite.server.restart();
      expect(await templateDetail(suite.server, version, suite.cookies.ministry)).toEqual(before);
    }
  });

  it.each([
    ['removes a section', /sequence of template sections/, (doc: Y.Doc) => doc.getXmlFragment('template').delete(3, 1)],
    ['changes the blockId of a section', /attributes of a template section/, (doc: Y.Doc) => section(doc, 'p3').setAttribute('blockId', 'p4')],
    ['writes the state of the version', /root other than the template document/, (doc: Y.Doc) => doc.getMap('version').set('state', 'published')],
    ['puts an unknown node into a paragraph', /invalid template document/, (doc: Y.Doc) => piece(doc, 'p3', 2).insert(0, [new Y.XmlElement('image')])],
    ['sets an unknown placeholder key', /invalid template document/, (doc: Y.Doc) => piece(doc, 'p4', 2).toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement)?.setAttribute('key', 'landrat')],
  ])('refuses a draft update that %s with 4403, stores and broadcasts nothing', async (_name, reason, change) => {
    const observer = newClient(suite.server, templateRoom('aqb-2026-entwurf'), suite.cookies.ministry);
    await synced(observer);
    const before = (await templateDetail(suite.server, 'aqb-2026-entwurf', suite.cookies.ministry)).content;
    const attacker = connectRaw(suite.server, templateRoom('aqb-2026-entwurf'), suite.cookies.ministry);
    await attacker.synced;
    const logged = suite.server.log.lines.length;
    attacker.doc.transact(() => change(attacker.doc));
    expect((await attacker.closed).code).toBe(CLOSE.forbiddenUpdate);
    expect(suite.server.log.lines.slice(logged)).toContainEqual(
      expect.objectContaining({ event: 'connection-closed', details: expect.objectContaining({ document: 'aqb-2026-entwurf', code: CLOSE.forbiddenUpdate, reason: expect.stringMatching(reason) }) }),
    );
    expect((await templateDetail(suite.server, 'aqb-2026-entwurf', suite.cookies.ministry)).content).toEqual(before);
    expect(observer.closes).toEqual([]);
    observer.destroy();
  });

  it('starts a round with a newly published version, and the district reads the new sentence in its agreement', async () => {
    await newDraft(suite.server, suite.cookies.ministry, 'aqb-2025', 'aqb-2030');
    const editor = newClient(suite.server, templateRoom('aqb-2030'), suite.cookies.ministry);
    await synced(editor);
    firstText(editor.doc, 'p3', 2).insert(0, 'Das Land fördert ab 2030 auch digitale Lernorte. ');
    await vi.waitFor(() => expect(editor.lastAck()).toBe(editor.sentUpdates()));
    editor.destroy();

    // A draft is no version a round may use.
    const early = await postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2030, ['werra-meissner-kreis'], { templateVersion: 'aqb-2030' }));
    expect(early.status).toBe(400);
    expect(((await early.json()) as { error: string }).error).toBe('Vorlage: Unbekannte Vorlagenversion „aqb-2030".');

    expect((await publish(suite.server, 'aqb-2030', suite.cookies.ministry)).status).toBe(200);
    expect((await postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2030, ['werra-meissner-kreis'], { templateVersion: 'aqb-2030' }))).status).toBe(201);
    const text = await agreementText(suite.server, 'aqb-2030-werra-meissner-kreis', suite.cookies.wmk);
    expect(text).toContain('Das Land fördert ab 2030 auch digitale Lernorte. Die Integration in das Erwerbsleben');
    expect(text).toContain('„Bündnis für Ausbildung für die Jahre 2025 bis 2029“');
    // Now the district may read the version its agreement pins, and nothing else new.
    expect((await templateDetail(suite.server, 'aqb-2030', suite.cookies.wmk)).usage).toBe(1);
    expect((await api(suite.server, '/templates/aqb-2030', suite.cookies.fulda)).status).toBe(404);
  });

  it('compares two versions block by block and previews a draft for a district and year', async () => {
    const { blocks } = await json<{ blocks: BlockDiff[] }>(await api(suite.server, '/templates/aqb-2024/compare/aqb-2025', suite.cookies.ministry));
    expect(blocks.filter((block) => block.changed).map((block) => block.label)).toEqual(['Präambel', '§ 1']);
    const preview = await api(suite.server, '/templates/aqb-2026-entwurf/preview?district=fulda&year=2026', suite.cookies.ministry);
    expect(preview.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const text = await preview.text();
    expect(text).toContain('und dem Landkreis Fulda');
    expect(text).toContain('Ausbildungs- und Qualifizierungsbudget 2026 das Ziel');
    expect(text).toContain('vom Regierungspräsidium Kassel erlassenen');
    const city = await (await api(suite.server, '/templates/aqb-2026-entwurf/preview?district=kassel&year=2026', suite.cookies.ministry)).text();
    expect(city).toContain('Arbeitsmarkt- und Ausbildungsstrategie der Stadt Kassel.');
    expect((await api(suite.server, '/templates/aqb-2026-entwurf/preview?district=atlantis&year=2026', suite.cookies.ministry)).status).toBe(400);
  });
});
