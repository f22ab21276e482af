import { rmSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newServer, staticFolder, type TestServer } from './harness.js';

const INDEX = '<!doctype html><html><head><title>vereinbar</title><script type="module" crossorigin src="/assets/index-a1.js"></script></head><body><div id="root"></div></body></html>';
const PAGE_SCRIPT = 'export const page = "Vereinbarung";\n'.repeat(100);

/** What Vite writes to dist/client/.vite/manifest.json (`build.manifest`), cut down to the fields the server reads. */
const MANIFEST = {
  'index.html': { file: 'assets/index-a1.js', src: 'index.html', isEntry: true, imports: ['_shared-s1.js'], css: ['assets/index-a1.css'] },
  '_shared-s1.js': { file: 'assets/shared-s1.js' },
  'src/pages/AgreementPage.tsx': { file: 'assets/AgreementPage-p1.js', isDynamicEntry: true, imports: ['index.html', '_shared-s1.js', '_editor-e1.js'], css: ['assets/AgreementPage-p1.css'] },
  '_editor-e1.js': { file: 'assets/editor-e1.js', imports: ['_shared-s1.js'] },
};

/** A GET with exactly the headers given (fetch would add Accept-Encoding and decompress). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** Issue 14: the agreement page's code is asked for with the HTML, compressed, and cached for good. */
describe('the built client as the server sends it', () => {
  let server: TestServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = staticFolder({
      'index.html': INDEX,
      '.vite/manifest.json': JSON.stringify(MANIFEST),
      'assets/AgreementPage-p1.js': PAGE_SCRIPT,
      'assets/AgreementPage-p1.js.br': brotliCompressSync(PAGE_SCRIPT),
      'assets/AgreementPage-p1.js.gz': gzipSync(PAGE_SCRIPT),
      'assets/editor-e1.js': 'export const editor = 1;\n',
    });
    server = await newServer(undefined, 0, { staticDir });
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('names the agreement page’s scripts and styles in the HTML of an agreement’s address, without what the main script loads', async () => {
    const response = await rawGet(`${server.url}/vereinbarungen/aqb-2025-werra-meissner-kreis`);
    expect(response.status).toBe(200);
    const html = response.body.toString('utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/AgreementPage-p1.js">');
    expect(head).toContain('<link rel="modulepreload" crossorigin href="/assets/editor-e1.js">');
    expect(head).toContain('<link rel="preload" as="style" crossorigin href="/assets/AgreementPage-p1.css">');
    expect(html).not.toContain('href="/assets/shared-s1.js"');
    expect(html).not.toContain('href="/assets/index-a1.js"');
  });

  it('sends other addresses the page as built', async () => {
    for (const path of ['/', '/anmelden', '/vereinbarungen', '/vorlagen/aqb-2025']) {
      const response = await rawGet(`${server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.body.toString('utf8')).toBe(INDEX);
    }
  });

  it('sends a script brotli- or gzip-compressed as the browser accepts, or plain, and lets it be cached for a year', async () => {
    const url = `${server.url}/assets/AgreementPage-p1.js`;
    const brotli = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['content-type']).toMatch(/^text\/javascript/);
    expect(brotli.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(PAGE_SCRIPT);
    expect(brotli.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString('utf8')).toBe(PAGE_SCRIPT);

    const plain = await rawGet(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(PAGE_SCRIPT);

    // A file the build did not compress is sent as it is.
    const small = await rawGet(`${server.url}/assets/editor-e1.js`, { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString('utf8')).toBe('export const editor = 1;\n');
  });

  it('does not serve the build manifest', async () => {
    const response = await rawGet(`${server.url}/.vite/manifest.json`);
    expect(response.body.toString('utf8')).toBe(INDEX);
  });
});
