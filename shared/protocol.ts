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
 * Close codes. y-websocket's client does not reconnect after a code in 4400–4499, which is what
 * every refusal here wants: reconnecting with the same state would be refused again.
 */
export const CLOSE = {
  /** Server shutting down; the client reconnects. */
  goingAway: 1001,
  /** Unexpected server error; the client reconnects. */
  internalError: 1011,
  /** Undecodable message, unknown message type or text frame. */
  badMessage: 4400,
  /** The session expired or was logged out. */
  unauthenticated: 4401,
  /** An update the sender may not make: a locked block, another root, or no edit right. */
  forbiddenUpdate: 4403,
  /** The agreement no longer exists. */
  notFound: 4404,
  /** The agreement is not a draft any more; body edits are refused. */
  notEditable: 4409,
  /** A frame larger than MAX_MESSAGE_BYTES. */
  tooLarge: 4413,
  /** More messages per second than a person produces. */
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
