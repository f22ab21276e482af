import type { SessionUser } from '../../shared/api.js';

/**
 * Who may do what with the yearly rounds (issue 10), as pure functions of the user:
 *
 * | action        | who                                   |
 * | ------------- | ------------------------------------- |
 * | `create`      | the ministry's editor (Referat)       |
 * | `steer`       | every ministry user: rounds, board, CSV, districts, prefill |
 * | `watch`       | everyone: the board's event stream, filtered to the rows the user may read |
 *
 * A district never learns another district's data; the board is the ministry's tool, so district
 * users get 403 there and read their own agreements through GET /api/agreements.
 */
export type RoundAction = 'create' | 'steer' | 'watch';

export type RoundDecision = { ok: true } | { ok: false; message: string; reason: string };

export function decideRound(user: SessionUser, action: RoundAction): RoundDecision {
  const ministry = user.districtId === null;
  switch (action) {
    case 'create':
      if (ministry && user.role === 'ministry-editor') return { ok: true };
      return { ok: false, message: 'Nur das Referat des Ministeriums kann Runden anlegen und Vereinbarungen hinzufügen.', reason: `${user.username} (${user.role}) may not create rounds` };
    case 'steer':
      if (ministry) return { ok: true };
      return { ok: false, message: 'Die Übersicht der Runde ist dem Ministerium vorbehalten.', reason: `district user ${user.username} asked for a ministry view of rounds` };
    case 'watch':
      return { ok: true };
  }
}

/** Whether a board row (an agreement of `districtId`) may be shown to the user. */
export function mayWatchRow(user: SessionUser, districtId: string): boolean {
  return user.districtId === null || user.districtId === districtId;
}
