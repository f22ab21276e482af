import { describe, expect, it } from 'vitest';
import type { Participant } from '../../shared/comments/types.js';
import { createThread, send } from './commentsClient.js';
import { carriedEntryIds, suiteServer, WMK } from './harness.js';
import { detail, post } from './signoffTools.js';

/**
 * Issue 13: signatories ask while they read the frozen text, so comments stay possible while the
 * agreement is released (a deliberate change from "draft only"); a final agreement takes none.
 * The print text shows a signature's mark and date only once that signature exists.
 */
describe('comments and signature blocks along the sign-off', () => {
  const suite = suiteServer({ ministry: 'hmsi-referat', minister: 'hmsi-ministerin', district: 'wmk-referat', signatory: 'wmk-landraetin', viewer: 'wmk-gast' });
  const text = async () => (await fetch(`${suite.server.url}/api/agreements/${WMK}/text`, { headers: { cookie: suite.cookies.ministry } })).text();
  // The 2025 draft's entry carried over from the 2024 „Let's work" (its id is new at every seed).
  const letsWork = async () => (await carriedEntryIds(suite.server, WMK, suite.cookies.ministry))('p-wmk24-letswork');
  const comment = async (cookie: string, text: string) => send(suite.server, cookie, 'POST', `/agreements/${WMK}/comments`, { entryId: await letsWork(), text });

  it('offers for mentions only people who may comment: no viewers', async () => {
    const answer = await send(suite.server, suite.cookies.district, 'GET', `/agreements/${WMK}/participants`);
    const usernames = (answer.json as Participant[]).map((p) => p.username);
    expect(usernames).toEqual(expect.arrayContaining(['hmsi-referat', 'hmsi-ministerin', 'wmk-referat', 'wmk-landraetin']));
    expect(usernames).not.toContain('wmk-gast');
  });

  it('prints the unsigned draft without the seeded mark and date', async () => {
    const draft = await text();
    expect(draft).not.toContain('23.07.2024');
    expect(draft).toContain('Wiesbaden, den\n\nHeike Hofmann\nStaatsministerin');
  });

  it('takes comments while released and partially signed, refuses viewers, and none once final', async () => {
    expect((await post(suite.server, `/agreements/${WMK}/release`, suite.cookies.ministry)).status).toBe(200);
    const { release } = await detail(suite.server, WMK, suite.cookies.ministry);
    const hash = release?.hash ?? '';

    const question = await createThread(suite.server, suite.cookies.signatory, WMK, { entryId: await letsWork(), text: 'Ist der Träger schon bestätigt?' });
    const reply = await send(suite.server, suite.cookies.ministry, 'POST', `/agreements/${WMK}/comments/${question.id}/replies`, { text: 'Ja, seit Mai.' });
    expect(reply.status).toBe(201);
    expect((await send(suite.server, suite.cookies.signatory, 'POST', `/agreements/${WMK}/comments/${question.id}/resolve`)).status).toBe(200);
    expect((await comment(suite.cookies.viewer, 'Darf ich?')).status).toBe(403);
    expect((await detail(suite.server, WMK, suite.cookies.ministry)).status).toBe('released');

    const signed = await post(suite.server, `/agreements/${WMK}/sign`, suite.cookies.signatory, { hash, place: 'Eschwege', password: 'demo' });
    expect(signed.status).toBe(200);
    const halfway = await text();
    expect(halfway).toMatch(/Eschwege, den \d\d\.\d\d\.\d{4}\n\nelektronisch unterzeichnet/);
    expect(halfway).toContain('Wiesbaden, den\n\nHeike Hofmann');
    expect((await comment(suite.cookies.district, 'Noch eine Frage.')).status).toBe(201);

    expect((await post(suite.server, `/agreements/${WMK}/sign`, suite.cookies.minister, { hash, place: 'Wiesbaden', password: 'demo' })).status).toBe(200);
    expect((await detail(suite.server, WMK, suite.cookies.ministry)).status).toBe('final');
    const refused = await comment(suite.cookies.district, 'Zu spät.');
    expect(refused).toEqual({ status: 409, json: { error: 'Die Vereinbarung ist unterzeichnet; Kommentare sind nicht mehr möglich.' } });
  });
});
