import type { AgreementStatus, SessionUser, SigningParty } from '../../shared/api.js';
import { roleAllows, signingPartyOf } from '../../shared/permissions.js';

/**
 * The sign-off state machine, as pure functions of the user, the agreement's state and (for a
 * release) its blockers:
 *
 *   draft ──release──▶ released ──sign──▶ partially-signed ──sign──▶ final
 *     ▲                   │                      │
 *     └──────reopen───────┴──────────reopen──────┘        (final: nothing, ever)
 *
 * Every command of server/commands/signoff.ts asks `decide` first, with the state it read from the
 * live document; the routes never decide anything themselves. Who may take each action (the 403
 * part) is shared/permissions.ts; this adds the 409 reasons, the release blockers and the next status.
 */
export type SignoffAction = 'release' | 'reopen' | 'sign' | 'uploadScan';

export interface SignoffState {
  districtId: string;
  status: AgreementStatus;
  /** The parties whose signature stands (in the current release). */
  signed: readonly SigningParty[];
}

/** What stops a release: an empty §5 list, open comment threads. */
export interface ReleaseBlockers {
  projectCount: number;
  openThreads: number;
}

export type Decision =
  | { ok: true; next: AgreementStatus }
  | { ok: false; status: 403 | 409; message: string; reason: string };

const FINAL_MESSAGE = 'Die Vereinbarung ist von beiden Parteien unterzeichnet und kann nicht mehr geändert werden.';

export { signingPartyOf };

function refuse(status: 403 | 409, message: string, reason: string): Decision {
  return { ok: false, status, message, reason };
}

const ROLE_MESSAGES: Readonly<Record<SignoffAction, string>> = {
  release: 'Nur das Referat des Ministeriums kann eine Vereinbarung zur Zeichnung freigeben.',
  reopen: 'Nur die Referate von Ministerium und Kreis können eine Vereinbarung zur Überarbeitung zurückholen.',
  sign: 'Sie sind nicht berechtigt, diese Vereinbarung zu unterzeichnen.',
  uploadScan: 'Sie sind nicht berechtigt, einen unterschriebenen Scan anzuhängen.',
};

/**
 * Whether `user` may take `action` on an agreement in `state`, and the status it leads to.
 * `blockers` matter for a release only; without them a release is judged on role and status.
 */
export function decide(user: SessionUser, action: SignoffAction, state: SignoffState, blockers?: ReleaseBlockers): Decision {
  if (!roleAllows(user, action, state.districtId)) {
    return refuse(403, ROLE_MESSAGES[action], `${user.username} (${user.role}) may not ${action} in ${state.districtId}`);
  }
  if (action === 'uploadScan') {
    if (state.status === 'draft') return refuse(409, 'Einen unterschriebenen Scan können Sie erst nach der Freigabe zur Zeichnung anhängen.', 'scan of a draft');
    return { ok: true, next: state.status };
  }
  if (state.status === 'final') return refuse(409, FINAL_MESSAGE, `${action} on a final agreement`);
  switch (action) {
    case 'release': {
      if (state.status !== 'draft') return refuse(409, 'Die Vereinbarung ist bereits zur Zeichnung freigegeben.', `release while ${state.status}`);
      if (blockers && blockers.projectCount === 0) {
        return refuse(409, 'Die Projektliste in § 5 ist leer. Bitte tragen Sie mindestens ein Projekt ein, bevor Sie freigeben.', 'empty project list');
      }
      if (blockers && blockers.openThreads > 0) {
        const n = blockers.openThreads;
        return refuse(409, `${n === 1 ? 'Ein Kommentar ist' : `${n} Kommentare sind`} noch offen. Bitte klären Sie ${n === 1 ? 'ihn' : 'sie'}, bevor Sie freigeben.`, `${n} open threads`);
      }
      return { ok: true, next: 'released' };
    }
    case 'reopen':
      if (state.status === 'draft') return refuse(409, 'Die Vereinbarung ist ein Entwurf und kann bearbeitet werden.', 'reopen of a draft');
      return { ok: true, next: 'draft' };
    case 'sign': {
      if (state.status === 'draft') return refuse(409, 'Die Vereinbarung ist noch nicht zur Zeichnung freigegeben.', 'sign a draft');
      const party = signingPartyOf(user, state.districtId);
      if (party === null || state.signed.includes(party)) return refuse(409, 'Für Ihre Partei ist bereits unterzeichnet.', `${String(party)} has signed already`);
      const other: SigningParty = party === 'ministry' ? 'district' : 'ministry';
      return { ok: true, next: state.signed.includes(other) ? 'final' : 'partially-signed' };
    }
  }
}

/** `decide` as a yes/no for the permissions shown in the UI (a release's blockers are checked when it is tried). */
export function may(user: SessionUser, action: SignoffAction, state: SignoffState): boolean {
  return decide(user, action, state).ok;
}
