/**
 * Opaque page cursors for keyset pagination. A cursor holds only the last key of the previous page, so
 * it reveals nothing a caller could not already see and cannot reach another tenant: every query that
 * uses it is still scoped by tenant id.
 */
import { StoreInputError } from './storeInput';

export function encodeCursor(lastKey: string): string {
  return Buffer.from(JSON.stringify({ k: lastKey }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | null {
  if (cursor === undefined || cursor === '') return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && typeof (parsed as { k?: unknown }).k === 'string') {
      return (parsed as { k: string }).k;
    }
  } catch {
    // fall through: any undecodable cursor gets the same clear answer
  }
  throw new StoreInputError('The page cursor is not valid; start again from the first page.');
}
