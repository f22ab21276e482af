import type {
  AddRoundAgreementsRequest,
  Board,
  ChangesSincePrevious,
  CreateRoundRequest,
  CreateRoundResponse,
  DistrictInfo,
  RoundPrefill,
  RoundSummary,
} from '../../../shared/rounds/types.js';
import type { PaperAgreementRequest, PaperAgreementResponse } from '../../../shared/paper/types.js';
import { request } from '../api.js';

/** The round's routes (docs/api.md, „Runden"); bodies are typed by shared/rounds/types.ts. */
export const roundsApi = {
  districts: () => request<DistrictInfo[]>('GET', '/api/districts'),
  rounds: () => request<RoundSummary[]>('GET', '/api/rounds'),
  prefill: (year: number) => request<RoundPrefill>('GET', `/api/rounds/${year}/prefill`),
  create: (round: CreateRoundRequest) => request<CreateRoundResponse>('POST', '/api/rounds', round),
  addAgreements: (year: number, body: AddRoundAgreementsRequest) => request<CreateRoundResponse>('POST', `/api/rounds/${year}/agreements`, body),
  recordPaper: (body: PaperAgreementRequest) => request<PaperAgreementResponse>('POST', '/api/agreements/paper', body),
  board: (year: number) => request<Board>('GET', `/api/rounds/${year}/board`),
  changes: (agreementId: string) =>
    request<ChangesSincePrevious>('GET', `/api/agreements/${encodeURIComponent(agreementId)}/changes-since-previous`),
};

export const boardEventsUrl = (year: number) => `/api/rounds/${year}/events`;
export const boardCsvUrl = (year: number) => `/api/rounds/${year}/board.csv`;
