import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ClientIds, newClientIdLimit } from '../../server/sync/clientIds.js';
import { CLIENT_ID_LIMITS, CLOSE } from '../../shared/protocol.js';

/** An update written by a fresh Yjs client: one new client id. */
function pageLoadEdit(): ReturnType<typeof Y.parseUpdateMeta> {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'x');
  return Y.parseUpdateMeta(Y.encodeStateAsUpdate(doc));
}

const unknown = () => 0;

describe('new Yjs client ids per user', () => {
  it('are counted per document: an official who edits many agreements in an hour is not refused', () => {
    const limit = newClientIdLimit();
    for (let n = 0; n < CLIENT_ID_LIMITS.newPerUser.burst * 2; n++) {
      // A page load per agreement: each document sees one new id of the user.
      expect(new ClientIds(new Map(), limit, `aqb-2025-${n}`).chargeNew(pageLoadEdit(), unknown, 'hmsi-referat')).toBeNull();
    }
  });

  it('in one document are bounded, also across the room being unloaded and loaded again', () => {
    const limit = newClientIdLimit();
    const charge = () => new ClientIds(new Map(), limit, 'aqb-2025-fulda').chargeNew(pageLoadEdit(), unknown, 'fd-referat');
    for (let n = 0; n < CLIENT_ID_LIMITS.newPerUser.burst; n++) expect(charge()).toBeNull();
    expect(charge()?.code).toBe(CLOSE.tooManyMessages);
    // Another user of the same document is not charged for it.
    expect(new ClientIds(new Map(), limit, 'aqb-2025-fulda').chargeNew(pageLoadEdit(), unknown, 'hmsi-referat')).toBeNull();
  });
});
