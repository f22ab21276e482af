import type { Store } from '../server/store/types.js';
import { DISTRICTS, findDistrict, grantingAuthorityOf, partnerFormsOf } from '../shared/districts.js';
import type { ProjectListModel } from '../shared/editor/body.js';
import type { CreateRoundRequest } from '../shared/rounds/types.js';
import type { createApp } from '../server/app.js';
import { MINISTRY_SIGNATORY_2024 } from '../server/demo/agreements.js';
import type { Metric, Scenario } from './scenarios.js';

/**
 * The yearly round in the bench (issue 10, „Done means"): the ministry creates a round of 26
 * agreements whose §5 is carried over from a previous year of 26 agreements × 40 projects, and
 * opens its board. Only our server has rounds; the reference's column stays empty.
 */
export const ROUND_BASE_YEAR = 2090;
const PROJECTS = 40;

const ministry = { name: MINISTRY_SIGNATORY_2024.name, functionLines: [...MINISTRY_SIGNATORY_2024.functionLines], place: MINISTRY_SIGNATORY_2024.place };

function fortyProjects(districtId: string): ProjectListModel {
  return ([1, 2, 3, 4] as const).map((measureType) => ({
    measureType,
    entries: Array.from({ length: PROJECTS / 4 }, (_, i) => ({ id: `p-b${measureType}${String(i).padStart(2, '0')}${districtId.slice(0, 6).replace(/[^a-z]/g, 'x')}`, title: `Projekt ${measureType}.${i + 1} – Qualifizierung und Begleitung in ${districtId}` })),
  }));
}

/** The previous year, written into the store before our server starts (setup, not measured). */
export async function seedRoundBase(app: ReturnType<typeof createApp>, store: Store): Promise<void> {
  const at = Date.now();
  const prepared = DISTRICTS.map((district) =>
    app.agreements.prepare(
      {
        districtId: district.id,
        year: ROUND_BASE_YEAR,
        templateVersion: 'aqb-2024',
        fields: {
          year: ROUND_BASE_YEAR,
          amountCents: 300_000_00,
          grantingAuthority: grantingAuthorityOf(district),
          partner: partnerFormsOf(district),
          ministrySignatory: { ...ministry, date: '', signatureMark: '' },
          districtSignatory: { name: 'N. N.', functionLines: ['Landrat/Landrätin'], place: district.seat, date: '', signatureMark: '' },
        },
        projects: fortyProjects(district.id),
      },
      at,
    ),
  );
  const round = { year: ROUND_BASE_YEAR, templateVersion: 'aqb-2024', deadline: `${ROUND_BASE_YEAR}-07-31`, carryOver: 'none' as const, ministrySignatory: ministry, createdAt: at, createdBy: 'bench' };
  await store.rounds.createRound(round, prepared, { username: 'bench', via: 'server' });
}

function roundRequest(year: number): CreateRoundRequest {
  return {
    year,
    templateVersion: 'aqb-2024',
    deadline: `${year}-07-31`,
    carryOver: 'previous',
    ministrySignatory: ministry,
    agreements: DISTRICTS.map((district) => ({ districtId: district.id, amountCents: 310_000_00, signatory: { name: 'N. N.', functionLines: ['Landrat/Landrätin'], place: findDistrict(district.id)?.seat ?? 'Wiesbaden' } })),
  };
}

const ms = (key: string, label: string): Metric => ({ key, label, unit: 'ms', better: 'lower' });

export const roundAndBoard = (): Scenario => ({
  name: 'Runde: 26 Vereinbarungen × 40 Projekte anlegen und Übersicht öffnen',
  docs: 0,
  metrics: [ms('create', 'POST /api/rounds (26, § 5 übernommen)'), ms('boardCold', 'Übersicht, erster Aufruf'), ms('boardWarm', 'Übersicht, erneut')],
  async run(ctx): Promise<Record<string, number>> {
    if (ctx.server.kind !== 'ours') return {};
    const { url } = ctx.server;
    const login = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hmsi-referat', password: 'demo' }) });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const year = ROUND_BASE_YEAR + 1;
    const t = performance.now();
    const created = await fetch(`${url}/api/rounds`, { method: 'POST', headers: { cookie, origin: url, 'content-type': 'application/json' }, body: JSON.stringify(roundRequest(year)) });
    const create = performance.now() - t;
    if (created.status !== 201) throw new Error(`round: ${created.status} ${await created.text()}`);
    const board = async () => {
      const started = performance.now();
      const response = await fetch(`${url}/api/rounds/${year}/board`, { headers: { cookie } });
      const body = (await response.json()) as { rows: { projects: number }[] };
      const elapsed = performance.now() - started;
      if (body.rows.length !== 26 || body.rows.some((row) => row.projects !== PROJECTS)) throw new Error('board: expected 26 rows of 40 projects');
      return elapsed;
    };
    const boardCold = await board();
    const boardWarm = await board();
    return { create, boardCold, boardWarm };
  },
});
