/**
 * A small structured logger. One JSON line per event so logs can be shipped as they are, and a redaction
 * step so that secrets (client secrets, passwords in connection strings, bearer tokens) never reach them.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

const SECRET_KEY = /secret|password|token|authorization|apikey|api_key|credential/i;

/** Masks values under secret-looking keys, credentials in URLs and bearer tokens in strings. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    return value
      .replace(/(\/\/[^:/@\s]+:)[^@\s]+@/g, '$1***@')
      .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/g, 'Bearer ***');
  }
  if (value instanceof Error) return { name: value.name, message: redact(value.message), stack: redact(value.stack) };
  if (!value || typeof value !== 'object' || depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) && v ? '***' : redact(v, depth + 1);
  return out;
}

export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  const emit = (lvl: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg: redact(msg), ...(redact(fields ?? {}) as object) }));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

/** For tests: a logger that keeps lines in memory. */
export function memoryLogger(): Logger & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('debug', (l) => lines.push(JSON.parse(l)));
  return Object.assign(logger, { lines });
}
