/**
 * The wire protocol on `/collab/:id`: y-websocket's message types plus one of our own, and the
 * close codes the server uses. Documented in docs/protocol.md; client and server import these.
 */
export const MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Server → client: `[100, varUint n]` after the n-th update-bearing sync message (sync step 2 or
   * update) received on this connection has been committed to the store (or was already known).
   */
  ack: 100,
} as const;

/** Largest binary frame the server accepts (1 MiB); larger frames close the socket with 4413. */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Most websocket frames one message may arrive in; more is a flood of fragments (1008). */
export const MAX_FRAGMENTS = 1024;

/**
 * What one connection may cost the server (docs/protocol.md, "Limits"). Beyond a budget the
 * connection is closed with 4429; a person typing, even pasting, stays far below each of them.
 */
export const CONNECTION_BUDGET = {
  /** Bytes of frames per second on average, and at once (a reconnect may send offline work in a full frame). */
  bytes: { perSecond: 512 * 1024, burst: 4 * MAX_MESSAGE_BYTES },
  /** Milliseconds of the server's time spent handling this connection's messages, per second and at once. */
  workMs: { perSecond: 200, burst: 2_000 },
} as const;

/**
 * Updates held back because they build on changes the server has not seen yet: at most this many
 * messages and bytes per connection; beyond, the connection is closed with 4424.
 */
export const MAX_PENDING = { updates: 32, bytes: MAX_MESSAGE_BYTES } as const;

/** Awareness: what one connection may announce (docs/protocol.md, "Awareness"). */
export const AWARENESS_LIMITS = {
  /** Awareness client ids one connection may speak for (a tab has one); states for more are dropped. */
  clientsPerConnection: 2,
  /**
   * States one awareness message may carry: y-websocket's client relays every change it hears,
   * so an honest message may hold the states of the whole room; more closes with 4400.
   */
  statesPerMessage: 256,
  /** Bytes of one awareness state as JSON; the editor sends a cursor, the server adds the user. */
  stateBytes: 4 * 1024,
} as const;

/** Yjs client ids are a resource: every sync exchanges a state vector with one entry per id ever used. */
export const CLIENT_ID_LIMITS = {
  /** Clocks one update may claim in all (a GC struct "of length 2^40" costs a few bytes). */
  clockSpanPerUpdate: MAX_MESSAGE_BYTES,
  /** Clients a sync step 1's state vector may name beyond those the document has (4400 beyond). */
  unknownInStateVector: 16,
  /** New Yjs client ids one update may introduce (an editor has one per page load). */
  newPerUpdate: 4,
  /** New Yjs client ids one user may introduce into one document: at once, and per hour after that. */
  newPerUser: { burst: 100, perHour: 100 },
} as const;

/**
 * Close codes. y-websocket's client does not reconnect after a code in 4400–4499, which is what
 * every refusal here wants: reconnecting with the same state would be refused again.
 */
export const CLOSE = {
  /** Server shutting down; the client reconnects. */
  goingAway: 1001,
  /** Unexpected server error; the client reconnects. */
  internalError: 1011,
  /**
   * The connection did not answer the server's websocket pings in time (a sleeping laptop, a
   * lost network). Outside 4400–4499 on purpose: the client reconnects when it wakes up.
   */
  noHeartbeat: 4008,
  /**
   * Undecodable message, unknown message type, text frame, an awareness message with more states
   * than a room has, or a state vector naming far more clients than the document has.
   */
  badMessage: 4400,
  /** The session expired or was logged out. */
  unauthenticated: 4401,
  /**
   * An update the sender may not make: a locked block, another root, no edit right (a reader's
   * update is refused before it is decoded), or too many clocks or new Yjs client ids in one update.
   */
  forbiddenUpdate: 4403,
  /** The agreement no longer exists. */
  notFound: 4404,
  /** The agreement is not a draft any more; body edits are refused. */
  notEditable: 4409,
  /** A frame larger than MAX_MESSAGE_BYTES, or an awareness state larger than AWARENESS_LIMITS.stateBytes. */
  tooLarge: 4413,
  /** Held-back updates whose dependencies never came, beyond MAX_PENDING. */
  unresolvedUpdates: 4424,
  /** More messages, bytes, server work or new Yjs client ids per time than a person produces. */
  tooManyMessages: 4429,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** The Y.Doc's roots. Only BODY_FIELD (in shared/editor/schema.ts) is ever written by clients. */
export const ROOT = {
  fields: 'fields',
  agreement: 'agreement',
  /** Signatures of the current release, by party (server-written, see server/commands/signoff.ts). */
  signatures: 'signatures',
  /**
   * Lineage of carried-over §5 entries: entry id → id of the entry of last year's agreement it
   * came from. Server-written when a round creates the agreement; the update check compares every
   * entry's `carriedFrom` attribute against it.
   */
  lineage: 'lineage',
} as const;

/**
 * A cookie beside the (HttpOnly) session cookie that scripts may read: it says only "a session
 * was started in this browser", never which. The client asks GET /api/session only when it is
 * there, so that an anonymous page load does not log a 401 in the console.
 */
export const SESSION_HINT_COOKIE = 'vereinbar_angemeldet';
