import { DISTRICTS, findDistrict } from '../../shared/districts.js';
import type { BoardRow, CreateRoundRequest } from '../../shared/rounds/types.js';
import { api } from './harness.js';

/** Requests of the round's integration tests, as the „Neue Runde" form sends them. */
export const ALL_DISTRICTS = DISTRICTS.map((district) => district.id);

/** A demo amount per district, distinct so that sums and rows can be told apart. */
export const amountOf = (districtId: string) => 100_000_00 + ALL_DISTRICTS.indexOf(districtId) * 1_234_56;

export function roundBody(year: number, districtIds: readonly string[] = ALL_DISTRICTS, overrides: Partial<CreateRoundRequest> = {}): CreateRoundRequest {
  return {
    year,
    templateVersion: 'aqb-2024',
    deadline: `${year}-06-30`,
    carryOver: 'previous',
    ministrySignatory: { name: 'Heike Hofmann', functionLines: ['Staatsministerin', 'Hessisches Ministerium', 'für Arbeit, Integration,', 'Jugend und Soziales'], place: 'Wiesbaden' },
    agreements: districtIds.map((districtId) => ({
      districtId,
      amountCents: amountOf(districtId),
      signatory: { name: `Unterzeichner ${districtId}`, functionLines: ['Landrat/Landrätin'], place: findDistrict(districtId)?.seat ?? 'Wiesbaden' },
    })),
    ...overrides,
  };
}

export function postJson(server: { url: string }, path: string, cookie: string | null, body: unknown): Promise<Response> {
  return api(server, path, cookie, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export interface EventStream {
  status: number;
  /** Every `row` event received so far, in order. */
  rows: BoardRow[];
  /** Resolves when the server said `ready`: the subscription is live. */
  ready: Promise<void>;
  /** True once the server ended the stream. */
  ended(): boolean;
  close(): void;
}

/** GET /api/rounds/:year/events, read as a browser's EventSource would (without reconnecting). */
export async function openEvents(server: { url: string }, year: number, cookie: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await api(server, `/rounds/${year}/events`, cookie, { signal: controller.signal });
  const rows: BoardRow[] = [];
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let ended = false;
  const stream: EventStream = { status: response.status, rows, ready, ended: () => ended, close: () => controller.abort() };
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel();
    return stream;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          ended = true;
          return;
        }
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((match) => match[1]).join('\n');
          if (event === 'ready') markReady();
          if (event === 'row') rows.push(JSON.parse(data) as BoardRow);
        }
      }
    } catch {
      // Aborted by close(): the test is done with the stream.
    }
  })();
  return stream;
}
