import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { berlinIsoDate } from '../../shared/signoff.js';
import { api, login, newServer, WMK, type TestServer } from './harness.js';
import { detail, poppler, post } from './signoffTools.js';

/** A district signatory who is not the one the template names: a deputy (Vertretung). */
const DEPUTY = { username: 'wmk-vertretung', displayName: 'Karl Vertreter' };

async function download(server: TestServer, cookie: string) {
  const response = await api(server, `/agreements/${WMK}/pdf`, cookie);
  expect(response.status).toBe(200);
  return { pdf: Buffer.from(await response.arrayBuffer()), disposition: response.headers.get('content-disposition') ?? '' };
}

/** The PDF's text page by page (pdftotext ends each page with a form feed). */
const pages = (pdf: Buffer) => poppler('pdftotext', pdf).split('\f').map((page) => page.replace(/\s+/g, ' '));

/** Renders the PDF to PNGs in test-results/ to look at (pdftoppm, 60 dpi). */
function renderPng(pdf: Buffer, name: string) {
  mkdirSync('test-results', { recursive: true });
  const file = join('test-results', `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '60', '-png', file, join('test-results', name)]);
}

function expectTaggedGerman(pdf: Buffer) {
  const info = poppler('pdfinfo', pdf);
  expect(info).toMatch(/^Tagged:\s+yes$/m);
  expect(info).toMatch(/^Title:\s+Zielvereinbarung 2025/m);
  const raw = pdf.toString('latin1');
  expect(raw).toContain('/Lang (de-DE)');
  expect(raw).toContain('/StructTreeRoot');
  for (const tag of ['/H1', '/H2', '/P', '/L', '/LI']) expect(raw).toContain(`/S ${tag}\n`);
}

function expectSignaturesWithEndOfSection7(pdf: Buffer) {
  const withSignatures = pages(pdf).filter((page) => page.includes('Landrätin des Landkreises'));
  expect(withSignatures).toHaveLength(1);
  expect(withSignatures[0]).toContain('auf dem Internetportal des HMSI „Arbeitswelt Hessen“ veröffentlicht.');
}

describe('the agreement as PDF', () => {
  let server: TestServer;
  const cookies = { ministry: '', minister: '', deputy: '', viewer: '' };

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-pdf-'));
    // The demo is seeded by a first start; the deputy is then added as `npm run user` would.
    await (await newServer(dataDir)).close();
    const store = new SqliteStore(dataDir);
    await store.putUser({ ...DEPUTY, role: 'district-signatory', districtId: 'werra-meissner-kreis', color: '#334155', passwordHash: await hashPassword('demo'), createdAt: Date.now() });
    await store.close();
    server = await newServer(dataDir);
    cookies.ministry = await login(server, 'hmsi-referat');
    cookies.minister = await login(server, 'hmsi-ministerin');
    cookies.deputy = await login(server, DEPUTY.username);
    cookies.viewer = await login(server, 'wmk-gast');
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('gives a draft a tagged German PDF named as a draft of today, with „§ 1" copyable and the signatures beside § 7', async () => {
    const { pdf, disposition } = await download(server, cookies.viewer);
    const today = berlinIsoDate(Date.now());
    expect(disposition).toBe(
      `inline; filename="Zielvereinbarung-2025-Werra-Meissner-Kreis-Entwurf-${today}.pdf"; filename*=UTF-8''Zielvereinbarung-2025-Werra-Mei%C3%9Fner-Kreis-Entwurf-${today}.pdf`,
    );
    expectTaggedGerman(pdf);
    const text = poppler('pdftotext', pdf);
    for (const n of [1, 2, 3, 4, 5, 6, 7]) expect(text).toContain(`§ ${n}\n`);
    expect(text).toContain('Entwurf');
    expectSignaturesWithEndOfSection7(pdf);
    renderPng(pdf, 'pdf-draft');
    // What assistive technology reads from the tags: words with their spaces, the list as a list.
    const tags = execFileSync('pdfinfo', ['-struct-text', join('test-results', 'pdf-draft.pdf')]).toString('utf8');
    expect(tags).toContain('"Das HMSI verfolgt mit dem Ausbildungs- und Qualifizierungsbudget 2025 das Ziel');
    expect(tags).toMatch(/LI \(block\)\n\s+Lbl \(block\)\n\s+"•"\n\s+LBody \(block\)\n\s+"DREIplus/);
  });

  it('names the final PDF after the day of signing, explains the record for a reader and shows a deputy „In Vertretung"', async () => {
    expect((await post(server, `/agreements/${WMK}/release`, cookies.ministry)).status).toBe(200);
    const hash = (await detail(server, WMK, cookies.viewer)).release?.hash ?? '';
    expect((await post(server, `/agreements/${WMK}/sign`, cookies.minister, { hash, place: 'Wiesbaden', password: 'demo' })).status).toBe(200);
    expect((await post(server, `/agreements/${WMK}/sign`, cookies.deputy, { hash, place: 'Eschwege', password: 'demo' })).status).toBe(200);
    const final = await detail(server, WMK, cookies.viewer);
    expect(final.status).toBe('final');
    const signedOn = final.signatures.map((s) => s.date).sort().at(-1) ?? '';

    const { pdf, disposition } = await download(server, cookies.viewer);
    expect(disposition).toContain(`filename="Zielvereinbarung-2025-Werra-Meissner-Kreis-unterzeichnet-${signedOn}.pdf"`);
    expect(disposition).toContain(`filename*=UTF-8''Zielvereinbarung-2025-Werra-Mei%C3%9Fner-Kreis-unterzeichnet-${signedOn}.pdf`);
    expectTaggedGerman(pdf);
    expectSignaturesWithEndOfSection7(pdf);

    const text = pages(pdf).join(' ');
    expect(text).toContain('Unterzeichnungsnachweis');
    expect(text).toContain(`${server.url}/api/agreements/${WMK}/released-text`);
    expect(text).toContain('Prüfwert');
    expect(text).not.toMatch(/NFC|Zeilenenden|\\n/);
    expect(text).not.toContain('Entwurf');
    // The district's block names who signed, as a deputy; the ministry's block its own signatory.
    expect(text).toMatch(/In Vertretung Karl Vertreter Landrätin des Landkreises/);
    expect(text).toContain('Heike Hofmann Staatsministerin');
    expect(text).toContain('Unterzeichnet für den Landkreis Werra-Meißner-Kreis: Karl Vertreter, Eschwege');
    renderPng(pdf, 'pdf-final');
  });

  it('points the record to PUBLIC_URL when the server runs behind a proxy', async () => {
    const proxied = await newServer(undefined, 0, { publicUrl: 'https://vereinbar.hessen.example/' });
    try {
      expect((await post(proxied, `/agreements/${WMK}/release`, await login(proxied, 'hmsi-referat'))).status).toBe(200);
      const { pdf } = await download(proxied, await login(proxied, 'wmk-gast'));
      expect(pages(pdf).join(' ')).toContain(`https://vereinbar.hessen.example/api/agreements/${WMK}/released-text`);
    } finally {
      await proxied.dispose();
    }
  });
});
