import * as v from 'valibot';
import { commentTextProblem, MAX_QUOTE_LENGTH } from '../comments/validate.js';
import { ENTRY_ID_PATTERN } from '../editor/ids.js';
import { germanRule } from './issues.js';
import { requestBody } from './requestBody.js';

/** Request bodies of the comment commands (docs/api.md, "Kommentare"). */

const NO_TEXT = 'Bitte einen Kommentar eingeben.';
const NO_ENTRY = 'Bitte das Projekt angeben, zu dem der Kommentar gehört.';
const BAD_PASSAGE = 'Die markierte Textstelle ist ungültig. Bitte markieren Sie sie erneut.';

/** Plain text, checked by the one comment rule (commentTextProblem); the server stores it normalised. */
export const CommentTextSchema = v.pipe(v.string(NO_TEXT), germanRule<string>(commentTextProblem));

const position = v.pipe(v.string(BAD_PASSAGE), v.nonEmpty(BAD_PASSAGE), v.maxLength(1000, BAD_PASSAGE));

/**
 * A passage inside an entry: Yjs relative positions (base64 of Y.encodeRelativePosition) on the
 * entry's Y.XmlText, so concurrent edits keep it in place, and the quoted text, which finds the
 * passage again when the entry was moved (a move re-creates the entry's text in the CRDT). Whether
 * the positions decode and lie in the entry, only the server's copy of the document can tell.
 */
export const PassageAnchorSchema = requestBody(
  {
    start: position,
    end: position,
    quote: v.pipe(
      v.string(BAD_PASSAGE),
      v.check((quote) => quote.trim().length > 0, BAD_PASSAGE),
      v.maxLength(MAX_QUOTE_LENGTH, BAD_PASSAGE),
    ),
  },
  BAD_PASSAGE,
  () => BAD_PASSAGE,
);

export type PassageAnchor = v.InferOutput<typeof PassageAnchorSchema>;

/** POST /api/agreements/:id/comments: a new thread on a §5 entry, optionally on a passage of it. */
export const NewThreadRequestSchema = requestBody(
  {
    entryId: v.pipe(v.string(NO_ENTRY), v.regex(ENTRY_ID_PATTERN, NO_ENTRY)),
    text: CommentTextSchema,
    passage: v.nullish(PassageAnchorSchema),
  },
  NO_TEXT,
);

export type NewThreadRequest = v.InferOutput<typeof NewThreadRequestSchema>;

/** POST …/comments/:threadId/replies and PATCH …/comments/:threadId/comments/:commentId */
export const CommentTextRequestSchema = requestBody({ text: CommentTextSchema }, NO_TEXT);

export type CommentTextRequest = v.InferOutput<typeof CommentTextRequestSchema>;
