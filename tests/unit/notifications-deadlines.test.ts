import { describe, expect, it } from 'vitest';
import { reminderDue } from '../../server/notifications/deadlines.js';

/** Which deadline reminder is due on which Berlin calendar day, for a deadline of 31.07.2025. */
describe('reminderDue', () => {
  const due = (today: string, status: 'draft' | 'released' | 'partially-signed' | 'final' = 'draft') => reminderDue('2025-07-31', status, today);

  it('reminds from seven days before up to the deadline day itself', () => {
    expect(due('2025-07-23')).toBeNull();
    expect(due('2025-07-24')).toBe('deadline-soon');
    expect(due('2025-07-31')).toBe('deadline-soon');
  });

  it('is overdue from the day after the deadline, for a week of catching up, then never again', () => {
    expect(due('2025-08-01')).toBe('deadline-overdue');
    expect(due('2025-08-07')).toBe('deadline-overdue');
    expect(due('2025-08-08')).toBeNull();
    expect(due('2026-11-29')).toBeNull();
  });

  it('counts calendar days across a month and the change to winter time', () => {
    expect(reminderDue('2025-10-27', 'draft', '2025-10-20')).toBe('deadline-soon');
    expect(reminderDue('2025-10-28', 'draft', '2025-10-20')).toBeNull();
  });

  it('never reminds of a final agreement, but of a released or half-signed one', () => {
    expect(due('2025-07-28', 'final')).toBeNull();
    expect(due('2025-08-01', 'final')).toBeNull();
    expect(due('2025-07-28', 'released')).toBe('deadline-soon');
    expect(due('2025-08-01', 'partially-signed')).toBe('deadline-overdue');
  });
});
