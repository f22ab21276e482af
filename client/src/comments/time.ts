import { formatDateTime } from '../../../shared/format.js';

/** "gerade eben", "vor 5 Minuten", "vor 2 Stunden"; older than a day: "25.11.2026, 14:03 Uhr". */
export function formatCommentTime(at: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - at) / 1000));
  if (seconds < 60) return 'gerade eben';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return minutes === 1 ? 'vor 1 Minute' : `vor ${minutes} Minuten`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? 'vor 1 Stunde' : `vor ${hours} Stunden`;
  return formatDateTime(at);
}
