import type { SessionUser } from '../../shared/api.js';

/**
 * Who may record an agreement signed on paper (issue 10, point 6): the ministry's editor (Referat)
 * only. It creates a final agreement with both signatures at once, the strongest write there is,
 * so neither the minister (who signs, not records) nor any district user may do it.
 */
export type PaperDecision = { ok: true } | { ok: false; message: string; reason: string };

export function decidePaper(user: SessionUser): PaperDecision {
  if (user.districtId === null && user.role === 'ministry-editor') return { ok: true };
  return {
    ok: false,
    message: 'Nur das Referat des Ministeriums kann auf Papier unterzeichnete Vereinbarungen erfassen.',
    reason: `${user.username} (${user.role}) may not record paper agreements`,
  };
}
