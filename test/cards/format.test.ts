import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatPercent,
  formatPoints,
  formatPointsLabel,
  formatPointsOfMax,
  formatSchedule,
  formatSeatRange,
  formatSignedPercentPoints,
  formatState,
} from '../../src/cards/format';

describe('card formatting', () => {
  it('writes points as integers without decimals, else up to 2 decimals', () => {
    expect(formatPoints(128)).toBe('128');
    expect(formatPoints(815.22)).toBe('815.22');
    expect(formatPoints(12.5)).toBe('12.5');
    expect(formatPoints(1.005 + 0.0001)).toBe('1.01');
    expect(formatPoints(null)).toBe('—');
    expect(formatPoints(NaN)).toBe('—');
    expect(formatPointsOfMax(12, null)).toBe('12 / —');
  });

  it('labels points with a sign and the right noun', () => {
    expect(formatPointsLabel(5, true)).toBe('+5 pts');
    expect(formatPointsLabel(-3.5, true)).toBe('\u22123.5 pts');
    expect(formatPointsLabel(1)).toBe('1 pt');
    expect(formatPointsLabel(0, true)).toBe('0 pts');
  });

  it('writes percentages with one decimal and never NaN%', () => {
    expect(formatPercent(46.7)).toBe('46.7%');
    expect(formatPercent(46.666)).toBe('46.7%');
    expect(formatPercent(50)).toBe('50%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(0 / 0)).toBe('—');
    expect(formatSignedPercentPoints(5.55)).toBe('+5.6 pp');
    expect(formatSignedPercentPoints(-1)).toBe('\u22121 pp');
  });

  it('writes dates as "3 Dec 2026" and refuses what is not a date', () => {
    expect(formatDate('2026-12-03')).toBe('3 Dec 2026');
    expect(formatDate('2026-12-03T23:30:00Z')).toBe('3 Dec 2026');
    expect(formatDate('2026-02-31')).toBe('—');
    expect(formatDate('yesterday')).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDateTime('2026-12-03T14:05:00Z')).toBe('3 Dec 2026, 14:05 UTC');
    expect(formatDateRange('2026-11-26', '2026-12-03')).toBe('26 Nov – 3 Dec 2026');
    expect(formatDateRange('2025-12-29', '2026-01-05')).toBe('29 Dec 2025 – 5 Jan 2026');
  });

  it('writes seat ranges, schedules and states the way the portal reads', () => {
    expect(formatSeatRange({ lower: 1, upper: 100 })).toBe('1–100 seats');
    expect(formatSeatRange({ lower: 1001, upper: 5000 })).toBe('1,001–5,000 seats');
    expect(formatSeatRange(null)).toBe('');
    expect(formatSchedule(1, 9, 0, 'Europe/Berlin')).toBe('Mondays at 09:00 (Europe/Berlin)');
    expect(formatSchedule(0, 17, 30, 'UTC')).toBe('Sundays at 17:30 (UTC)');
    expect(formatState('ThirdParty')).toBe('Third party');
  });
});
