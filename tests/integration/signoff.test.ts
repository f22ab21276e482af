import { describe, expect, it, vi } from 'vitest';
import { CLOSE, ROOT } from '../../shared/protocol.js';
import { berlinIsoDate, shortHash } from '../../shared/signoff.js';
import { formatDate } from '../../shared/format.js';
import { firstEntryText, projectList } from './body.js';
import { agreementText, api, DEMO_CAST, FULDA, newClient, suiteServer, synced, type TestClient, WMK } from './harness.js';
import { detail, history, pdfBytes, poppler, post, sha256 } from './signoffTools.js';

/**
 * Sign-off against the real server, as one story on the Werra-Meißner agreement: release freezes
 * it, a signature is voided by reopening, a stale hash is refused, both parties sign, and the
 * final agreement takes no change from anyone by any route.
 */
describe('sign-off of an agreement', () => {
  const suite = suiteServer(DEMO_CAST);
  const { cookies } = suite;
  const status = (client: TestClient) => client.doc.getMap(ROOT.agreement).get('status');
  const sign = (cookie: string, hash: string, password = 'demo', place = 'Eschwege') => post(suite.server, `/agreements/${WMK}/sign`, cookie, { hash, place, password });

  it('refuses a release by anyone but the ministry’s editor, and of an empty §5 list', async () => {
    for (const who of ['district', 'landraetin', 'minister', 'viewer'] as const) {
      expect((await post(suite.server, `/agreements/${WMK}/release`, cookies[who])).status).toBe(403);
    }
    // Fulda's editor empties Fulda's list; the ministry then cannot release it.
    const fulda = newClient(suite.server, FULDA, cookies.fulda);
    await synced(fulda);
    projectList(fulda.doc).delete(0, projectList(fulda.doc).length);
    await vi.waitFor(() => expect(fulda.lastAck()).toBe(fulda.sentUpdates()));
    const refused = await post(suite.server, `/agreements/${FULDA}/release`, cookies.ministry);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: expect.stringContaining('Projektliste in § 5 ist leer') });
    expect((await detail(suite.server, FULDA, cookies.ministry)).status).toBe('draft');
    fulda.destroy();
  });

  it('freezes the document at release: every open editor sees it live and a body update is closed with 4409', async () => {
    const ministry = newClient(suite.server, WMK, cookies.ministry);
    const district = newClient(suite.server, WMK, cookies.district);
    await Promise.all([synced(ministry), synced(district)]);
    firstEntryText(district.doc).insert(0, 'VOR DER FREIGABE ');
    await vi.waitFor(() => expect(district.lastAck()).toBe(district.sentUpdates()));

    expect((await post(suite.server, `/agreements/${WMK}/release`, cookies.ministry)).status).toBe(200);
    await vi.waitFor(() => expect([status(ministry), status(district)]).toEqual(['released', 'released']));

    const released = await detail(suite.server, WMK, cookies.district);
    expect(released.status).toBe('released');
    expect(released.permissions).toMatchObject({ editBody: false, release: false, reopen: true, sign: false });
    const frozenText = await (await api(suite.server, `/agreements/${WMK}/released-text`, cookies.viewer)).text();
    expect(frozenText).toContain('- VOR DER FREIGABE DREIplus');
    // The hash covers the released text, which has no signature values in it yet.
    expect(released.release?.hash).toBe(sha256(frozenText));
    expect(frozenText).toBe(await agreementText(suite.server, WMK, cookies.viewer));
    expect(frozenText).toContain('Eschwege, den\n');

    firstEntryText(district.doc).insert(0, 'NACH DER FREIGABE ');
    await vi.waitFor(() => expect(district.closes).toEqual([CLOSE.notEditable]));
    expect(await agreementText(suite.server, WMK, cookies.viewer)).not.toContain('NACH DER FREIGABE');
    const amount = await api(suite.server, `/agreements/${WMK}/fields`, cookies.ministry, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amountCents: 100_00 }) });
    expect(amount.status).toBe(409);
    expect((await post(suite.server, `/agreements/${WMK}/release`, cookies.ministry)).status).toBe(409);
    ministry.destroy();
    district.destroy();
  });

  it('refuses a signature for the wrong party, with a wrong password or with a hash that is not the current one', async () => {
    const { release } = await detail(suite.server, WMK, cookies.landraetin);
    const hash = release?.hash ?? '';
    expect((await sign(cookies.ministry, hash)).status).toBe(403);
    expect((await sign(cookies.district, hash)).status).toBe(403);
    expect((await sign(cookies.fulda, hash)).status).toBe(403);
    const wrongPassword = await sign(cookies.landraetin, hash, 'falsch');
    expect(wrongPassword.status).toBe(403);
    expect(await wrongPassword.json()).toEqual({ error: expect.stringContaining('Passwort') });
    expect((await sign(cookies.landraetin, sha256('ein anderer Text'))).status).toBe(409);
    expect((await sign(cookies.landraetin, hash, 'demo', '   ')).status).toBe(400);
    expect((await detail(suite.server, WMK, cookies.landraetin)).signatures).toEqual([]);
  });

  it('signs the district’s block with place, server date, name and the short hash', async () => {
    const hash = (await detail(suite.server, WMK, cookies.landraetin)).release?.hash ?? '';
    expect((await sign(cookies.landraetin, hash, 'demo', 'Eschwege')).status).toBe(200);
    const signed = await detail(suite.server, WMK, cookies.ministry);
    expect(signed.status).toBe('partially-signed');
    expect(signed.signatures).toEqual([expect.objectContaining({ party: 'district', username: 'wmk-landraetin', name: 'Nicole Rathgeber', place: 'Eschwege', hash, date: berlinIsoDate(Date.now()) })]);
    expect(signed.fields.districtSignatory).toMatchObject({ place: 'Eschwege', date: berlinIsoDate(Date.now()), signatureMark: `elektronisch unterzeichnet · SHA-256 ${shortHash(hash)}` });
    expect(await agreementText(suite.server, WMK, cookies.viewer)).toContain(`Eschwege, den ${formatDate(berlinIsoDate(Date.now()))}\n\nelektronisch unterzeichnet`);
    expect((await sign(cookies.landraetin, hash)).status).toBe(409);
  });

  it('voids the signature given when an editor reopens with a reason, and refuses the old hash after a new release', async () => {
    const oldHash = (await detail(suite.server, WMK, cookies.district)).release?.hash ?? '';
    expect((await post(suite.server, `/agreements/${WMK}/reopen`, cookies.viewer, { reason: 'Bitte ändern' })).status).toBe(403);
    expect((await post(suite.server, `/agreements/${WMK}/reopen`, cookies.district, {})).status).toBe(400);
    expect((await post(suite.server, `/agreements/${WMK}/reopen`, cookies.district, { reason: 'Ein Projekt fehlt noch.' })).status).toBe(200);

    const reopened = await detail(suite.server, WMK, cookies.district);
    expect(reopened).toMatchObject({ status: 'draft', signatures: [], release: null });
    expect(reopened.fields.districtSignatory).toMatchObject({ date: '', signatureMark: '' });
    expect(await history(suite.server, WMK, cookies.viewer)).toContainEqual(
      expect.objectContaining({ kind: 'reopened', actor: 'wmk-referat', details: { reason: 'Ein Projekt fehlt noch.', voided: 'district' } }),
    );

    const district = newClient(suite.server, WMK, cookies.district);
    await synced(district);
    firstEntryText(district.doc).insert(0, 'NEU ');
    await vi.waitFor(() => expect(district.lastAck()).toBe(district.sentUpdates()));
    district.destroy();
    expect((await post(suite.server, `/agreements/${WMK}/release`, cookies.ministry)).status).toBe(200);
    const newHash = (await detail(suite.server, WMK, cookies.district)).release?.hash;
    expect(newHash).not.toBe(oldHash);
    expect((await sign(cookies.landraetin, oldHash)).status).toBe(409);
  });

  it('makes the agreement final when both have signed, live for every client, and then refuses every kind of change', async () => {
    const ministry = newClient(suite.server, WMK, cookies.ministry);
    const district = newClient(suite.server, WMK, cookies.district);
    await Promise.all([synced(ministry), synced(district)]);
    const hash = (await detail(suite.server, WMK, cookies.minister)).release?.hash ?? '';
    expect((await sign(cookies.minister, hash, 'demo', 'Wiesbaden')).status).toBe(200);
    await vi.waitFor(() => expect(status(district)).toBe('partially-signed'));
    expect((await sign(cookies.landraetin, hash)).status).toBe(200);
    await vi.waitFor(() => expect([status(ministry), status(district)]).toEqual(['final', 'final']));
    expect(district.doc.getMap(ROOT.signatures).size).toBe(2);

    const final = await detail(suite.server, WMK, cookies.viewer);
    expect(final.status).toBe('final');
    expect(final.signatures.map((s) => [s.party, s.hash])).toEqual([['ministry', hash], ['district', hash]]);
    expect(final.permissions).toMatchObject({ editBody: false, editAmount: false, release: false, reopen: false, sign: false });

    for (const who of ['ministry', 'district'] as const) {
      expect((await post(suite.server, `/agreements/${WMK}/reopen`, cookies[who], { reason: 'Noch einmal ändern' })).status).toBe(409);
    }
    expect((await post(suite.server, `/agreements/${WMK}/release`, cookies.ministry)).status).toBe(409);
    expect((await sign(cookies.minister, hash)).status).toBe(409);
    const amount = await api(suite.server, `/agreements/${WMK}/fields`, cookies.ministry, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amountCents: 100_00 }) });
    expect(amount.status).toBe(409);
    const before = await agreementText(suite.server, WMK, cookies.viewer);
    firstEntryText(district.doc).insert(0, 'NACH DEM ABSCHLUSS ');
    await vi.waitFor(() => expect(district.closes).toEqual([CLOSE.notEditable]));
    // A client that writes the status or the signatures itself is refused as a forbidden write.
    ministry.doc.getMap(ROOT.agreement).set('status', 'draft');
    await vi.waitFor(() => expect(ministry.closes).toEqual([CLOSE.forbiddenUpdate]));
    expect(await agreementText(suite.server, WMK, cookies.viewer)).toBe(before);
    expect((await detail(suite.server, WMK, cookies.viewer)).status).toBe('final');

    const kinds = (await history(suite.server, WMK, cookies.viewer)).map((e) => e.kind);
    expect(kinds).toEqual(['created', 'released', 'signed', 'reopened', 'released', 'signed', 'signed', 'final']);
    ministry.destroy();
    district.destroy();
  });

  it('exports the final agreement as a PDF with embedded fonts, the signed text, both signers and the hash', async () => {
    const pdf = await pdfBytes(suite.server, WMK, cookies.viewer);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const fonts = poppler('pdffonts', pdf).split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/Arimo.*\byes\s+yes\s+yes\b/);

    // Words as extracted; line breaks and justification spaces are layout, not text.
    const text = poppler('pdftotext', pdf).replace(/\s+/g, ' ');
    const { release, signatures } = await detail(suite.server, WMK, cookies.viewer);
    expect(text).toContain('ARBEITSWELT');
    expect(text).toContain('Zielvereinbarung');
    expect(text).toContain('„Bündnis für Ausbildung für die Jahre 2025 bis 2029“');
    expect(text).toContain('Qualifizierungsprojekte zur Arbeitsmarktintegration, Fachkräftesicherung');
    expect(text).toContain('NEU VOR DER FREIGABE DREIplus');
    expect(text).toContain('Übergangsmanagement');
    expect(text).toContain('Heike Hofmann');
    expect(text).toContain('Nicole Rathgeber');
    expect(text).toContain(release?.hash ?? 'no hash');
    for (const s of signatures) expect(text).toContain(formatDate(s.date));
    expect(text).not.toContain('Entwurf');
  });

  it('marks a draft’s PDF as Entwurf', async () => {
    const text = poppler('pdftotext', await pdfBytes(suite.server, FULDA, cookies.ministry));
    expect(text).toContain('Entwurf');
    expect(text).toContain('Landkreis Fulda');
  });

  it('attaches a signed scan: only PDFs, at most 10 MiB, not by a viewer, not to a draft; stored with its hash', async () => {
    const upload = (id: string, cookie: string, body: Uint8Array, type = 'application/pdf') =>
      api(suite.server, `/agreements/${id}/scans?filename=${encodeURIComponent('Zielvereinbarung unterschrieben.pdf')}`, cookie, { method: 'POST', headers: { 'content-type': type }, body: new Blob([new Uint8Array(body)]) });
    const pdf = await pdfBytes(suite.server, WMK, cookies.viewer);
    expect((await upload(WMK, cookies.district, new TextEncoder().encode('%PDF-1.7 kein echtes PDF, nur ein Text mit Kopf'.repeat(3)))).status).toBe(415);
    expect((await upload(WMK, cookies.district, pdf, 'image/png')).status).toBe(415);
    expect((await upload(WMK, cookies.district, new Uint8Array(10 * 1024 * 1024 + 1))).status).toBe(413);
    expect((await upload(WMK, cookies.viewer, pdf)).status).toBe(403);
    expect((await upload(FULDA, cookies.ministry, pdf)).status).toBe(409);

    const created = await upload(WMK, cookies.landraetin, pdf);
    expect(created.status).toBe(201);
    const scan = (await created.json()) as { id: number; sha256: string; size: number };
    expect(scan).toMatchObject({ sha256: sha256(pdf), size: pdf.byteLength });
    const download = await api(suite.server, `/agreements/${WMK}/scans/${scan.id}`, cookies.viewer);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(scan.sha256);
    expect((await api(suite.server, `/agreements/${WMK}/scans/${scan.id}`, cookies.fulda)).status).toBe(403);
    expect((await detail(suite.server, WMK, cookies.viewer)).scans).toEqual([expect.objectContaining({ id: scan.id, filename: 'Zielvereinbarung unterschrieben.pdf' })]);
    expect((await history(suite.server, WMK, cookies.viewer)).at(-1)).toMatchObject({ kind: 'scan-uploaded', actorName: 'Nicole Rathgeber' });
  });
});
