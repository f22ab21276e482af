/** The rows of the document update log (server/store/updateLog.ts), apart from the Store interface so that the sub-stores can name them without a cycle. */

/** Who wrote an update: a user's name, or "system" for the server's own writes. */
export interface UpdateAuthor {
  username: string;
  /** "client" for an edit that came over the websocket, "server" for a command's write. */
  via: 'client' | 'server';
}

/** One accepted update of a document, to be appended to the log. */
export interface PendingUpdate {
  agreementId: string;
  update: Uint8Array;
  author: UpdateAuthor;
  at: number;
}
