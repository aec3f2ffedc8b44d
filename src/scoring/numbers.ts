/**
 * Number helpers shared by the scoring module. Graph sends numbers as numbers, as strings ("12", "12.5")
 * and sometimes as "" or null; and sums of doubles drift (0.1 + 0.2). Every figure a user sees goes
 * through these so the same value always prints the same way and NaN can never escape.
 */

/** A finite number from a number or a numeric string; null for anything else ("", null, "abc", NaN). */
export function parseNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return null;
    const n = Number(trimmed);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Like parseNumber, but 0 when unusable: for counters where "nothing" honestly means zero. */
export function parseNumberOr0(value: unknown): number {
  return parseNumber(value) ?? 0;
}

/**
 * Rounds half away from zero at `decimals` places using decimal-string shifting, so 54.65 → 54.7 and
 * 1.005 → 1.01 (plain Math.round(x * 100) / 100 gets both wrong because of binary floating point).
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  // The string shift below cannot take exponent notation ("5e-17e2" is NaN, "1e+21e2" too): values that
  // small round to 0 and values that large have no decimals to round.
  if (Math.abs(value) < 0.5 * 10 ** -decimals) return 0;
  if (Math.abs(value) >= 1e21) return value;
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  const result = sign * Number(`${shifted}e-${decimals}`);
  return result === 0 ? 0 : result; // never -0: it prints as "0" but compares oddly in tests and JSON
}

/** One decimal: the precision of every percentage the bot shows. */
export const round1 = (value: number): number => roundTo(value, 1);
/** Two decimals: points (Graph's scores carry at most two). */
export const round2 = (value: number): number => roundTo(value, 2);

/** score / max as a percentage with one decimal; null when max is 0, negative or unknown (never NaN). */
export function percentOf(score: number, max: number | null | undefined): number | null {
  if (max === null || max === undefined || !Number.isFinite(max) || max <= 0 || !Number.isFinite(score)) return null;
  return round1((score / max) * 100);
}

/** "true"/"false" strings (Graph's `on`), real booleans, or null. */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true') return true;
    if (v === 'false') return false;
  }
  return null;
}

/** A non-empty trimmed string, or null. */
export function parseString(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a property case-insensitively. Graph's comparison objects mix PascalCase
 * (SeatSizeRangeLowerValue) with camelCase, and we do not want to depend on which one a day uses.
 */
export function getCI(obj: Record<string, unknown>, key: string): unknown {
  if (key in obj) return obj[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(obj)) if (k.toLowerCase() === lower) return obj[k];
  return undefined;
}
