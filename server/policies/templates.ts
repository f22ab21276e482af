import type { SessionUser } from '../../shared/api.js';
import type { TemplateVersionState } from '../../shared/template/model.js';

/**
 * Who may do what with template versions (issue 11), as pure functions:
 *
 * | action    | who                                                                  |
 * | --------- | -------------------------------------------------------------------- |
 * | `list`    | every ministry user (the „Vorlagen“ page)                            |
 * | `read`    | ministry users: every version; district users: a published version   |
 * |           | an agreement of their own district pins (a draft is 404 for them)    |
 * | `write`   | the ministry's editor (Referat): new draft, its text, names, publish |
 *
 * A published version refuses every change, whoever asks (409; over the websocket 4409).
 */
export type TemplateAction = 'list' | 'read' | 'write';

export type TemplateDecision = { ok: true } | { ok: false; status: 403 | 404; message: string; reason: string };

export interface TemplateFacts {
  state: TemplateVersionState;
  /** Whether an agreement of the user's district pins the version (district users only). */
  usedByOwnDistrict: boolean;
}

const NOT_FOUND = 'Diese Vorlagenfassung gibt es nicht.';

export function decideTemplate(user: SessionUser, action: TemplateAction, version: string | null = null, facts: TemplateFacts | null = null): TemplateDecision {
  const ministry = user.districtId === null;
  switch (action) {
    case 'list':
      return ministry ? { ok: true } : { ok: false, status: 403, message: 'Die Vorlagen sind dem Ministerium vorbehalten.', reason: `district user ${user.username} asked for the template list` };
    case 'read':
      if (ministry) return { ok: true };
      // A draft, or a version the district has nothing to do with, does not exist for a district.
      if (facts?.state === 'published' && facts.usedByOwnDistrict) return { ok: true };
      return { ok: false, status: 404, message: NOT_FOUND, reason: `district user ${user.username} may not read template ${String(version)}` };
    case 'write':
      if (ministry && user.role === 'ministry-editor') return { ok: true };
      return { ok: false, status: 403, message: 'Nur das Referat des Ministeriums kann Vorlagen bearbeiten.', reason: `${user.username} (${user.role}) may not write templates` };
  }
}

export function templateNotFound(version: string): { status: 404; message: string; reason: string } {
  return { status: 404, message: NOT_FOUND, reason: `template ${version} not found` };
}
