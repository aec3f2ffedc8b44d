import { formatDate, formatDelta, formatPercent, formatPoints, isoWeekKey, isValidTimeZone, localDate } from '../../src/scoring/period';

describe('isoWeekKey', () => {
  test('a plain mid-year date', () => {
    expect(isoWeekKey(new Date('2026-12-03T12:00:00Z'), 'UTC')).toBe('2026-W49');
  });

  test('year boundaries: 1 Jan 2021 is in 2020-W53, 29 Dec 2025 is in 2026-W01', () => {
    expect(isoWeekKey(new Date('2021-01-01T12:00:00Z'), 'UTC')).toBe('2020-W53');
    expect(isoWeekKey(new Date('2025-12-29T12:00:00Z'), 'UTC')).toBe('2026-W01');
    expect(isoWeekKey(new Date('2024-12-30T00:00:00Z'), 'UTC')).toBe('2025-W01');
  });

  test('the week flips at local Monday midnight, not UTC', () => {
    // Sunday 2026-12-06 23:30 UTC is already Monday 7 Dec 00:30 in Berlin (CET, UTC+1)…
    const instant = new Date('2026-12-06T23:30:00Z');
    expect(isoWeekKey(instant, 'UTC')).toBe('2026-W49');
    expect(isoWeekKey(instant, 'Europe/Berlin')).toBe('2026-W50');
    // …and still Sunday afternoon in Los Angeles.
    expect(isoWeekKey(new Date('2026-12-07T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-W49');
    expect(localDate(new Date('2026-12-07T05:00:00Z'), 'America/Los_Angeles')).toBe('2026-12-06');
    expect(localDate(new Date('2026-12-06T23:30:00Z'), 'Asia/Kolkata')).toBe('2026-12-07');
  });

  test('an unknown time zone is a clear RangeError', () => {
    expect(() => isoWeekKey(new Date(), 'Mars/Olympus')).toThrow('Unknown time zone "Mars/Olympus"');
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
  });
});

describe('formatting', () => {
  test('formatDate', () => {
    expect(formatDate('2026-12-03')).toBe('3 Dec 2026');
    expect(formatDate('2024-01-01')).toBe('1 Jan 2024');
    expect(formatDate('2024-13-01')).toBe('2024-13-01');
    expect(formatDate('yesterday')).toBe('yesterday');
  });

  test('formatPoints: integers bare, else up to 2 decimals, never NaN', () => {
    expect([128, 815.22, 2.5, 0.1 + 0.2, -3, 1.005, NaN, null].map(formatPoints)).toEqual(['128', '815.22', '2.5', '0.3', '-3', '1.01', '\u2014', '\u2014']);
  });

  test('formatPercent: one decimal, "—" for null', () => {
    expect([46.7, 46.72, 50, 0, null, undefined, NaN].map(formatPercent)).toEqual(['46.7%', '46.7%', '50%', '0%', '\u2014', '\u2014', '\u2014']);
  });

  test('formatDelta: signed with a real minus', () => {
    expect([3, -2.5, 0, null].map(formatDelta)).toEqual(['+3', '\u22122.5', '0', '\u2014']);
  });
});
