import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { classifyMessage, SaveTracker, saveStatus } from '../../client/src/collab/saveState.js';
import { MESSAGE } from '../../shared/protocol.js';

function frame(...numbers: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const n of numbers) encoding.writeVarUint(encoder, n);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0, 0]));
  return encoding.toUint8Array(encoder);
}

const step1 = frame(MESSAGE.sync, 0);
const step2 = frame(MESSAGE.sync, 1);
const update = frame(MESSAGE.sync, 2);
const awareness = frame(MESSAGE.awareness);

/** A local change made while connected: y-websocket sends it as an update between the two hooks. */
function typeOnline(tracker: SaveTracker) {
  tracker.localChangeStarted();
  tracker.messageSent(update);
  tracker.localChangeHandled();
}

/** A local change made while offline: no message goes out. */
function typeOffline(tracker: SaveTracker) {
  tracker.localChangeStarted();
  tracker.localChangeHandled();
}

/** A fresh socket that has exchanged step 1 and step 2 with the server. */
function connect(tracker: SaveTracker) {
  tracker.socketOpened();
  tracker.messageSent(step1);
  tracker.messageSent(awareness);
  tracker.messageSent(step2);
}

describe('the save indicator', () => {
  it('reads the first two varUints to find update-bearing sync messages', () => {
    expect(classifyMessage(step1)).toBeNull();
    expect(classifyMessage(step2)).toBe('step2');
    expect(classifyMessage(update)).toBe('update');
    expect(classifyMessage(awareness)).toBeNull();
    expect(classifyMessage(new Uint8Array([]))).toBeNull();
  });

  it('is saved after connecting when nothing was changed, without waiting for an ack', () => {
    const tracker = new SaveTracker();
    connect(tracker);
    expect(saveStatus(tracker, true, true)).toBe('saved');
  });

  it('says saving until the update that carries a change is acknowledged', () => {
    const tracker = new SaveTracker();
    connect(tracker);
    typeOnline(tracker);
    expect(saveStatus(tracker, true, true)).toBe('saving');
    tracker.acknowledged(1);
    expect(saveStatus(tracker, true, true)).toBe('saving');
    tracker.acknowledged(2);
    expect(saveStatus(tracker, true, true)).toBe('saved');
  });

  it('waits for the last of several changes', () => {
    const tracker = new SaveTracker();
    connect(tracker);
    typeOnline(tracker);
    typeOnline(tracker);
    typeOnline(tracker);
    tracker.acknowledged(3);
    expect(tracker.allAcknowledged).toBe(false);
    tracker.acknowledged(4);
    expect(tracker.allAcknowledged).toBe(true);
  });

  it('is offline whenever the socket is not connected, and saving until synced', () => {
    const tracker = new SaveTracker();
    expect(saveStatus(tracker, false, false)).toBe('offline');
    expect(saveStatus(tracker, true, false)).toBe('saving');
  });

  it('saves offline edits only after reconnecting and the ack of the resent step 2', () => {
    const tracker = new SaveTracker();
    connect(tracker);
    typeOffline(tracker);
    expect(tracker.allAcknowledged).toBe(false);
    connect(tracker);
    expect(tracker.allAcknowledged).toBe(false);
    tracker.acknowledged(1);
    expect(tracker.allAcknowledged).toBe(true);
  });

  it('does not count an ack of the old socket against the new one', () => {
    const tracker = new SaveTracker();
    connect(tracker);
    typeOnline(tracker);
    typeOnline(tracker);
    // The socket closes before the acks; the new socket counts from 1 again: the resent step 2
    // (message 1) carries the old changes, the update (message 2) the new one.
    connect(tracker);
    typeOnline(tracker);
    tracker.acknowledged(1);
    expect(tracker.allAcknowledged).toBe(false);
    tracker.acknowledged(2);
    expect(tracker.allAcknowledged).toBe(true);
  });

  it('needs the step 2 even when an update goes out first on the new socket', () => {
    const tracker = new SaveTracker();
    connect(tracker);
    typeOffline(tracker);
    tracker.socketOpened();
    tracker.messageSent(step1);
    typeOnline(tracker);
    tracker.acknowledged(1);
    expect(tracker.allAcknowledged).toBe(false);
    tracker.messageSent(step2);
    tracker.acknowledged(2);
    expect(tracker.allAcknowledged).toBe(true);
  });
});
