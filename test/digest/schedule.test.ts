import { describeSlot, dueSlot, nextSlot, slotThisWeek } from '../../src/digest/schedule';
import { zonedInstant } from '../../src/digest/zonedTime';
import { canonicalTimeZone, isoWeekKey } from '../../src/scoring/period';

const created = '2025-01-01T00:00:00.000Z';
const monday9utc = { dayOfWeek: 1, hour: 9, minute: 0, timeZone: 'UTC', createdAt: created };

describe('ISO weeks and zoned times', () => {
  test.each([
    ['2026-01-01', '2026-W01'], // Thursday
    ['2025-12-29', '2026-W01'], // Monday of the week holding 1 January 2026
    ['2027-01-01', '2026-W53'], // Friday: 2026 has 53 ISO weeks
    ['2026-06-15', '2026-W25'],
  ])('%s is in %s', (date, week) => expect(isoWeekKey(new Date(`${date}T12:00:00Z`), 'UTC')).toBe(week));

  test('Monday 09:00 Europe/Berlin is 08:00 UTC in winter and 07:00 UTC in summer', () => {
    expect(zonedInstant('2026-01-12', 9, 0, 'Europe/Berlin').toISOString()).toBe('2026-01-12T08:00:00.000Z');
    expect(zonedInstant('2026-06-15', 9, 0, 'Europe/Berlin').toISOString()).toBe('2026-06-15T07:00:00.000Z');
  });

  test('a time skipped by the spring jump lands after it; an autumn time that happens twice takes the first', () => {
    expect(zonedInstant('2026-03-29', 2, 30, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-10-25', 2, 30, 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  test('time zone names are checked and made canonical', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(canonicalTimeZone('')).toBeNull();
  });
});

describe('digest slots', () => {
  test('not due before Monday 09:00, due from then to the end of the ISO week, same period', () => {
    expect(dueSlot(monday9utc, new Date('2026-01-12T08:59:59Z'))).toBeNull();
    const at9 = dueSlot(monday9utc, new Date('2026-01-12T09:00:00Z'));
    expect(at9).toEqual({ period: '2026-W03', at: new Date('2026-01-12T09:00:00Z') });
    // Down all Monday, back on Sunday evening: still this week's digest, sent once.
    expect(dueSlot(monday9utc, new Date('2026-01-18T23:00:00Z'))?.period).toBe('2026-W03');
    // Next Monday 08:00: a new week whose slot has not come.
    expect(dueSlot(monday9utc, new Date('2026-01-19T08:00:00Z'))).toBeNull();
  });

  test('Friday 16:00 Europe/Berlin: due at 15:00 UTC in winter', () => {
    const sub = { dayOfWeek: 5, hour: 16, minute: 0, timeZone: 'Europe/Berlin', createdAt: created };
    expect(dueSlot(sub, new Date('2026-01-16T14:59:00Z'))).toBeNull();
    expect(dueSlot(sub, new Date('2026-01-16T15:00:00Z'))?.at.toISOString()).toBe('2026-01-16T15:00:00.000Z');
  });

  test('the week is the subscriber’s: Sunday 23:30 in Los Angeles is already Monday in UTC', () => {
    const sub = { dayOfWeek: 0, hour: 23, minute: 0, timeZone: 'America/Los_Angeles', createdAt: created };
    const slot = slotThisWeek(sub, new Date('2026-01-19T07:30:00Z'));
    expect(slot.period).toBe('2026-W03');
    expect(slot.at.toISOString()).toBe('2026-01-19T07:00:00.000Z');
  });

  test('a slot from before the subscription existed is not due', () => {
    const sub = { ...monday9utc, createdAt: '2026-01-12T10:00:00.000Z' };
    expect(dueSlot(sub, new Date('2026-01-12T10:05:00Z'))).toBeNull();
    expect(dueSlot(sub, new Date('2026-01-19T09:00:00Z'))?.period).toBe('2026-W04');
  });

  test('next slot and description', () => {
    expect(nextSlot(monday9utc, new Date('2026-01-12T09:00:00Z')).toISOString()).toBe('2026-01-19T09:00:00.000Z');
    expect(nextSlot(monday9utc, new Date('2026-01-10T12:00:00Z')).toISOString()).toBe('2026-01-12T09:00:00.000Z');
    expect(describeSlot({ dayOfWeek: 5, hour: 16, minute: 5, timeZone: 'Europe/Berlin' })).toBe('Friday 16:05 (Europe/Berlin)');
  });
});
