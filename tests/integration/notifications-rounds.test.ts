import { describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../shared/notifications/types.js';
import { DEMO_CAST, type DemoRole, suiteServer } from './harness.js';
import { marks, notificationsOf, since } from './notificationsClient.js';
import { postJson, roundBody } from './roundsClient.js';

type Who = DemoRole;

/**
 * „Neue Runde begonnen“ (issue 15): the editors and signatories of each district whose agreement
 * a round creates hear of it once, recorded with the round; nobody of another district, no
 * read-only account, and not the ministry that started it. The demo's own rounds told nobody.
 */
describe('notifications of a new round', () => {
  const suite = suiteServer(DEMO_CAST);

  /** Runs the action and expects exactly these new notifications, everyone else none. */
  async function expectNotified(action: () => Promise<unknown>, expected: Partial<Record<Who, NotificationKind[]>>) {
    const { cookies } = suite;
    const before = await marks(suite.server, cookies);
    await action();
    const got = await since(suite.server, cookies, before);
    const want = Object.fromEntries(Object.keys(cookies).map((who) => [who, expected[who as Who] ?? []]));
    expect(got).toEqual(want);
  }
  const created = async (response: Promise<Response>) => expect((await response).status).toBe(201);

  it('told nobody of the rounds the demo was seeded with', async () => {
    for (const cookie of Object.values(suite.cookies)) expect((await notificationsOf(suite.server, cookie)).notifications).toEqual([]);
  });

  it('tells the district users of each new agreement once, with a link to their own agreement', async () => {
    await expectNotified(
      () => created(postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2026, ['werra-meissner-kreis', 'fulda']))),
      { district: ['round-started'], landraetin: ['round-started'], fulda: ['round-started'] },
    );
    const [wmk] = (await notificationsOf(suite.server, suite.cookies.landraetin)).notifications;
    expect(wmk).toMatchObject({
      kind: 'round-started',
      link: '/vereinbarungen/aqb-2026-werra-meissner-kreis',
      actor: 'hmsi-referat',
      read: false,
      text: 'Eine neue Runde hat begonnen: „Zielvereinbarung 2026 – Werra-Meißner-Kreis“ ist als Entwurf angelegt.',
    });
    const [fulda] = (await notificationsOf(suite.server, suite.cookies.fulda)).notifications;
    expect(fulda).toMatchObject({ kind: 'round-started', link: '/vereinbarungen/aqb-2026-fulda' });
  });

  it('tells only the added district when districts join an existing round', async () => {
    await expectNotified(
      () => created(postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2027, ['werra-meissner-kreis']))),
      { district: ['round-started'], landraetin: ['round-started'] },
    );
    await expectNotified(
      () => created(postJson(suite.server, '/rounds/2027/agreements', suite.cookies.ministry, { agreements: roundBody(2027, ['fulda', 'kassel']).agreements })),
      { fulda: ['round-started'] },
    );
  });

  it('leaves no notification behind when the round is refused', async () => {
    await created(postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2028, ['fulda'])));
    // Werra-Meißner's agreement is inserted in the transaction, Fulda's is refused: neither stays, nor any notification.
    await expectNotified(async () => {
      const refused = await postJson(suite.server, '/rounds/2028/agreements', suite.cookies.ministry, { agreements: roundBody(2028, ['werra-meissner-kreis', 'fulda']).agreements });
      expect(refused.status).toBe(409);
    }, {});
  });
});
