import type { CommentList, CommentThread, Participant } from '../../../shared/comments/types.js';
import type { NewThreadRequest } from '../../../shared/schemas/comments.js';
import { request } from '../api.js';

/** The comment commands (docs/api.md, "Kommentare"). The answers arrive live in the Y.Doc as well. */
const base = (agreementId: string) => `/api/agreements/${encodeURIComponent(agreementId)}`;
const thread = (agreementId: string, threadId: string) => `${base(agreementId)}/comments/${encodeURIComponent(threadId)}`;

export const commentApi = {
  list: (agreementId: string) => request<CommentList>('GET', `${base(agreementId)}/comments`),
  participants: (agreementId: string) => request<Participant[]>('GET', `${base(agreementId)}/participants`),
  create: (agreementId: string, body: NewThreadRequest) => request<CommentThread>('POST', `${base(agreementId)}/comments`, body),
  reply: (agreementId: string, threadId: string, text: string) => request<CommentThread>('POST', `${thread(agreementId, threadId)}/replies`, { text }),
  edit: (agreementId: string, threadId: string, commentId: string, text: string) =>
    request<CommentThread>('PATCH', `${thread(agreementId, threadId)}/comments/${encodeURIComponent(commentId)}`, { text }),
  remove: (agreementId: string, threadId: string, commentId: string) =>
    request<{ thread: CommentThread | null }>('DELETE', `${thread(agreementId, threadId)}/comments/${encodeURIComponent(commentId)}`),
  resolve: (agreementId: string, threadId: string) => request<CommentThread>('POST', `${thread(agreementId, threadId)}/resolve`, {}),
  reopen: (agreementId: string, threadId: string) => request<CommentThread>('POST', `${thread(agreementId, threadId)}/reopen`, {}),
};
