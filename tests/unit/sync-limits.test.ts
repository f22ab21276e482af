import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { rewriteAwarenessUpdate } from '../../server/sync/awareness.js';
import { ConnectionBudget } from '../../server/sync/budget.js';
import { AWARENESS_LIMITS, CLOSE, CONNECTION_BUDGET } from '../../shared/protocol.js';

function awarenessUpdate(states: [number, number, unknown][]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, states.length);
  for (const [id, clock, state] of states) {
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

function statesOf(update: Uint8Array | null): Record<number, unknown> {
  if (!update) return {};
  const decoder = decoding.createDecoder(update);
  const states: Record<number, unknown> = {};
  for (let n = decoding.readVarUint(decoder); n > 0; n--) {
    const id = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    states[id] = JSON.parse(decoding.readVarString(decoder));
  }
  return states;
}

const presence = { user: { name: 'Server', username: 'u' } };
const position = { type: null, tname: 'body', item: null, assoc: 0 };
const anyone = () => true;

describe('an awareness update from a client', () => {
  it('keeps a valid cursor, sets the user, drops every other field and an invalid cursor', () => {
    const out = rewriteAwarenessUpdate(
      awarenessUpdate([
        [1, 1, { cursor: { anchor: position, head: position }, user: { name: 'Fake' }, extra: 'x' }],
        [2, 1, { cursor: { anchor: 5, head: position } }],
      ]),
      presence,
      anyone,
      new Set(),
    );
    if ('code' in out) throw new Error(out.reason);
    expect(statesOf(out.update)).toEqual({ 1: { cursor: { anchor: position, head: position }, ...presence }, 2: presence });
  });

  it(`drops states for more than ${AWARENESS_LIMITS.clientsPerConnection} ids and removals of ids that are not the connection's`, () => {
    const out = rewriteAwarenessUpdate(awarenessUpdate([[9, 2, null], [1, 1, {}], [2, 1, {}], [3, 1, {}]]), presence, anyone, new Set([1]));
    if ('code' in out) throw new Error(out.reason);
    expect(out.clientIds).toEqual([1, 2]);
  });

  it('refuses too many states in one message with 4400 and a large state with 4413', () => {
    const many = awarenessUpdate(Array.from({ length: AWARENESS_LIMITS.statesPerMessage + 1 }, (_, i): [number, number, unknown] => [i, 1, {}]));
    expect(rewriteAwarenessUpdate(many, presence, anyone, new Set())).toMatchObject({ code: CLOSE.badMessage });
    const large = awarenessUpdate([[1, 1, { cursor: null, junk: 'x'.repeat(AWARENESS_LIMITS.stateBytes) }]]);
    expect(rewriteAwarenessUpdate(large, presence, anyone, new Set())).toMatchObject({ code: CLOSE.tooLarge });
  });
});

describe('the budget of a connection', () => {
  it('refuses bytes beyond the burst until they have refilled', () => {
    let now = 0;
    const budget = new ConnectionBudget(() => now);
    expect(budget.admit(CONNECTION_BUDGET.bytes.burst)).toBeNull();
    expect(budget.admit(1024)).toMatch(/bytes/);
    now += 1000;
    expect(budget.admit(1024)).toBeNull();
  });

  it('refuses the next message once the server time spent on it is used up, until it is paid back', () => {
    let now = 0;
    const budget = new ConnectionBudget(() => now);
    expect(budget.admit(10)).toBeNull();
    budget.charge(CONNECTION_BUDGET.workMs.burst + 100);
    expect(budget.admit(10)).toMatch(/server time/);
    now += (200 / CONNECTION_BUDGET.workMs.perSecond) * 1000;
    expect(budget.admit(10)).toBeNull();
  });
});
