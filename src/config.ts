/**
 * Typed settings from the environment. Start-up fails fast with a one-line message naming the setting
 * that is wrong, instead of a bot that starts and fails on the first message.
 */
import { ConfigError } from './data/configError';

export { ConfigError };

export type Env = Record<string, string | undefined>;

export interface AppConfig {
  port: number;
  /** 127.0.0.1 in anonymous (local) mode; HOST or all interfaces when the bot has an app id. */
  host: string;
  /** No MicrosoftAppId: requests are not authenticated, so the bot listens on loopback only. */
  anonymous: boolean;
  microsoftAppId: string;
  microsoftAppType: string;
  microsoftAppTenantId: string;
  /** Tenants allowed to read data (ALLOWED_TENANT_IDS, else MicrosoftAppTenantId); empty = any tenant, each source then guards its own. */
  allowedTenants: string[];
  /** AAD object ids allowed to write notes; empty = everyone in the conversation. */
  noteEditors: string[];
  graphWriteback: boolean;
  dropAlertPoints: number;
  /** Default digest slot when a conversation subscribes without saying when. */
  digestDefault: { dayOfWeek: number; hour: number; minute: number };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** The raw environment, for the score source and store factories that read their own settings. */
  env: Env;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  return n;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

export function loadConfig(env: Env = process.env): AppConfig {
  const microsoftAppId = (env.MicrosoftAppId ?? '').trim();
  const anonymous = microsoftAppId === '';
  const microsoftAppType = (env.MicrosoftAppType ?? '').trim();
  const microsoftAppTenantId = (env.MicrosoftAppTenantId ?? '').trim();
  if (!anonymous) {
    if (!env.MicrosoftAppPassword && microsoftAppType !== 'UserAssignedMSI') {
      throw new ConfigError('MicrosoftAppId is set but MicrosoftAppPassword is missing');
    }
    if ((microsoftAppType === 'SingleTenant' || microsoftAppType === 'UserAssignedMSI') && !microsoftAppTenantId) {
      throw new ConfigError(`MicrosoftAppType=${microsoftAppType} needs MicrosoftAppTenantId`);
    }
  }
  const logLevel = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be debug, info, warn or error (got "${env.LOG_LEVEL}")`);
  const writeback = (env.GRAPH_WRITEBACK ?? 'false').toLowerCase();
  if (!['true', 'false', '1', '0', ''].includes(writeback)) throw new ConfigError(`GRAPH_WRITEBACK must be true or false (got "${env.GRAPH_WRITEBACK}")`);
  const allowed = list(env.ALLOWED_TENANT_IDS);
  if (allowed.length === 0 && microsoftAppTenantId) allowed.push(microsoftAppTenantId);

  return {
    port: int(env, 'PORT', 3978, 0, 65535),
    host: anonymous ? '127.0.0.1' : (env.HOST ?? '0.0.0.0'),
    anonymous,
    microsoftAppId,
    microsoftAppType,
    microsoftAppTenantId,
    allowedTenants: allowed,
    noteEditors: list(env.NOTE_EDITORS),
    graphWriteback: writeback === 'true' || writeback === '1',
    dropAlertPoints: int(env, 'DROP_ALERT_POINTS', 5, 1, 10000),
    digestDefault: {
      dayOfWeek: int(env, 'DIGEST_DEFAULT_DAY', 1, 0, 6),
      hour: int(env, 'DIGEST_DEFAULT_HOUR', 9, 0, 23),
      minute: 0,
    },
    logLevel: logLevel as AppConfig['logLevel'],
    env,
  };
}
