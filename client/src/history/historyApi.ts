import type { HistoryEvent } from '../../../shared/api.js';
import { request } from '../api.js';
import type { AttributionResponse, CompareSide, NoticesResponse, RestoreResult, VersionDiff, VersionSummary } from './types.js';

const base = (id: string) => `/api/agreements/${encodeURIComponent(id)}`;

/** The history routes (docs/api.md, „Verlauf und Fassungen"); errors carry the server's German message. */
export const historyApi = {
  events: (id: string) => request<HistoryEvent[]>('GET', `${base(id)}/history`),
  versions: (id: string) => request<VersionSummary[]>('GET', `${base(id)}/versions`),
  saveVersion: (id: string, name: string) => request<VersionSummary>('POST', `${base(id)}/versions`, { name }),
  compare: (id: string, from: CompareSide, to: CompareSide) => request<VersionDiff>('GET', `${base(id)}/versions/${from}/compare/${to}`),
  restore: (id: string, versionId: number) => request<RestoreResult>('POST', `${base(id)}/versions/${versionId}/restore`, {}),
  attribution: (id: string) => request<AttributionResponse>('GET', `${base(id)}/attribution`),
  notices: (id: string) => request<NoticesResponse>('GET', `${base(id)}/notices`),
  noticesSeen: (id: string, upToEventId: number) => request<unknown>('POST', `${base(id)}/notices/seen`, { upToEventId }),
};
