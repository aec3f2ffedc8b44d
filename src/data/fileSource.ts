/**
 * Secure Score from Graph responses saved on disk (exports, captures, the shared fixtures).
 *
 * Tenant rule: the data belongs to the tenant named in its `azureTenantId`.
 *  - FILE_TENANT_ID unset (local use, playground, demos): every tenant asking gets the file data.
 *  - FILE_TENANT_ID set (any shared deployment): only that tenant gets it, every other tenant is
 *    refused, and the files must not hold items of a different tenant.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { RawControlProfile, RawSecureScore, ScoreSource, ScoreSourceError } from './scoreSource';
import { OTHER_TENANT_MESSAGE, assertServedTenant, sameTenant } from './tenantGuard';

export interface FileSourceOptions {
  /** Page files of GET /security/secureScores, in page order. */
  secureScoreFiles: string[];
  /** Page files of GET /security/secureScoreControlProfiles, in page order. */
  controlProfileFiles: string[];
  /** The tenant the files belong to; undefined = serve any tenant (local use). */
  tenantId?: string;
}

/** "a.json, b.json" → ["a.json", "b.json"]; paths relative to the working directory. */
export function splitFileList(value: string): string[] {
  return value
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Reads one page file: a Graph response object with `value[]`, or a bare array. */
export async function readPageFile(file: string): Promise<Record<string, unknown>[]> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'not readable (permission denied)' : `not readable (${code ?? 'error'})`;
    throw new ScoreSourceError(`score file ${file} is ${why}`, 500);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ScoreSourceError(`score file ${file} is not valid JSON (${(error as Error).message})`, 500);
  }
  const items = Array.isArray(parsed)
    ? parsed
    : parsed && typeof parsed === 'object' && Array.isArray((parsed as { value?: unknown }).value)
      ? (parsed as { value: unknown[] }).value
      : undefined;
  if (!items) {
    throw new ScoreSourceError(`score file ${file} is not a Graph response (expected an object with value[] or an array)`, 500);
  }
  const bad = items.findIndex((item) => !item || typeof item !== 'object' || Array.isArray(item));
  if (bad >= 0) throw new ScoreSourceError(`score file ${file}: item ${bad} is not an object`, 500);
  return items as Record<string, unknown>[];
}

function createdTime(item: RawSecureScore): number {
  const t = Date.parse(String(item.createdDateTime ?? ''));
  return Number.isNaN(t) ? -Infinity : t;
}

export class FileScoreSource implements ScoreSource {
  readonly name = 'file';
  /** Without a tenant of its own, the capture is shown to whoever asks (local use only). */
  readonly sharedData: boolean;

  constructor(private readonly options: FileSourceOptions) {
    this.sharedData = !options.tenantId;
    if (options.secureScoreFiles.length === 0) throw new RangeError('at least one secure score file is needed');
    if (options.controlProfileFiles.length === 0) throw new RangeError('at least one control profile file is needed');
  }

  async getSecureScores(tenantId: string, days: number): Promise<RawSecureScore[]> {
    this.checkRequest(tenantId);
    const top = Math.floor(days);
    if (!Number.isFinite(top) || top < 1) return [];
    const items = await this.readAll(this.options.secureScoreFiles);
    // Pages are newest first already; sorting keeps the contract when files are listed out of order.
    const sorted = items
      .map((item, index) => ({ item, index }))
      .sort((a, b) => createdTime(b.item) - createdTime(a.item) || a.index - b.index)
      .map((x) => x.item);
    return sorted.slice(0, top);
  }

  async getControlProfiles(tenantId: string): Promise<RawControlProfile[]> {
    this.checkRequest(tenantId);
    return this.readAll(this.options.controlProfileFiles);
  }

  private checkRequest(tenantId: string): void {
    if (this.options.tenantId) assertServedTenant(this.options.tenantId, tenantId);
    else if (typeof tenantId !== 'string' || tenantId.trim() === '') throw new ScoreSourceError(OTHER_TENANT_MESSAGE, 403);
  }

  private async readAll(files: string[]): Promise<Record<string, unknown>[]> {
    const pages = await Promise.all(files.map((file) => readPageFile(file)));
    const owner = this.options.tenantId;
    if (owner) {
      pages.forEach((items, i) => {
        const foreign = items.find(
          (item) => typeof item.azureTenantId === 'string' && !sameTenant(item.azureTenantId, owner),
        );
        if (foreign) {
          throw new ScoreSourceError(
            `score file ${files[i]} holds data of tenant ${String(foreign.azureTenantId)}, not FILE_TENANT_ID`,
            500,
          );
        }
      });
    }
    return pages.flat();
  }
}
