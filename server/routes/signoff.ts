import { Hono } from 'hono';
import { ReleaseRequestSchema, ReopenRequestSchema, SignRequestSchema } from '../../shared/schemas/signoff.js';
import type { SignoffService } from '../commands/signoff.js';
import { fail } from '../errors.js';
import { pdfProblem } from '../pdf/validate.js';
import { limitBody, MAX_SCAN_BYTES } from './bodyLimit.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

/** A file name safe to store and to send back in Content-Disposition. */
function cleanFilename(raw: string | undefined): string {
  const name = (raw ?? '').replace(/[^\p{L}\p{N} ._()-]/gu, '_').trim().slice(0, 120);
  return name === '' ? 'scan.pdf' : name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`;
}

export interface SignoffRouteOptions {
  /** The address users reach the app at (PUBLIC_URL), if it differs from what the request says. */
  publicUrl?: string | undefined;
}

export function signoffRoutes(signoff: SignoffService, options: SignoffRouteOptions = {}) {
  return new Hono<AppEnv>()
    .post('/:id/release', jsonBody(ReleaseRequestSchema), async (c) => {
      const { user } = requireSession(c);
      await signoff.release(user, c.req.param('id'));
      return c.json({ ok: true });
    })
    .post('/:id/reopen', jsonBody(ReopenRequestSchema), async (c) => {
      const { user } = requireSession(c);
      await signoff.reopen(user, c.req.param('id'), c.req.valid('json').reason);
      return c.json({ ok: true });
    })
    .post('/:id/sign', jsonBody(SignRequestSchema), async (c) => {
      const { user } = requireSession(c);
      await signoff.sign(user, c.req.param('id'), c.req.valid('json'));
      return c.json({ ok: true });
    })
    .get('/:id/released-text', async (c) => {
      const text = await signoff.releasedText(requireSession(c).user, c.req.param('id'));
      return c.text(text, 200, { 'Content-Type': 'text/plain; charset=utf-8' });
    })
    .get('/:id/history', async (c) => c.json(await signoff.history(requireSession(c).user, c.req.param('id'))))
    .get('/:id/pdf', async (c) => {
      const id = c.req.param('id');
      // The record in the PDF gives the full address; behind a proxy only PUBLIC_URL knows it.
      const baseUrl = (options.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
      const { bytes, contentDisposition } = await signoff.pdf(requireSession(c).user, id, baseUrl);
      return c.body(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition,
        'Cache-Control': 'no-store',
      });
    })
    .post(
      '/:id/scans',
      // What first (who was checked before, app.ts): a mislabelled upload is refused before a byte is read.
      async (c, next) => {
        if ((c.req.header('content-type') ?? '').toLowerCase().split(';')[0]?.trim() !== 'application/pdf') {
          fail(415, 'Bitte laden Sie eine PDF-Datei hoch.', 'scan content-type is not application/pdf');
        }
        await next();
      },
      limitBody(MAX_SCAN_BYTES, 'Der Scan ist zu groß (höchstens 10 MiB).'),
      async (c) => {
        const { user } = requireSession(c);
        const data = new Uint8Array(await c.req.arrayBuffer());
        const problem = pdfProblem(data);
        if (problem) fail(415, 'Die Datei ist kein gültiges PDF.', `scan refused: ${problem}`);
        return c.json(await signoff.addScan(user, c.req.param('id'), cleanFilename(c.req.query('filename')), data), 201);
      },
    )
    .get('/:id/scans/:scanId', async (c) => {
      // Only the decimal form the API hands out: Number() would also take "0x1", "1e0", " 1".
      const raw = c.req.param('scanId');
      const scanId = /^[1-9][0-9]{0,14}$/.test(raw) ? Number(raw) : NaN;
      if (Number.isNaN(scanId)) fail(404, 'Diesen Scan gibt es nicht.', `scan id ${raw.slice(0, 20)} is not an id`);
      const scan = await signoff.scan(requireSession(c).user, c.req.param('id'), scanId);
      return c.body(scan.data.buffer.slice(scan.data.byteOffset, scan.data.byteOffset + scan.data.byteLength) as ArrayBuffer, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${scan.filename.replace(/"/g, '')}"`,
        'Cache-Control': 'no-store',
      });
    });
}
