import path from 'node:path';

/**
 * SMTP connection limits (src/email/inbound/smtp-listener.ts). One address may hold a few
 * connections (a sending server opens several in parallel), never enough to fill the listener:
 * the total is far above the per-address share, so it takes many addresses to reach it. A
 * connection that says nothing for the idle timeout is closed; a real sending server speaks at
 * once, and a silent one only holds a place.
 */
export const SMTP_CONNECTION_DEFAULTS = { maxConnections: 1000, maxConnectionsPerAddress: 20, idleTimeoutSeconds: 30 };

export interface KeptConfig {
  /** PostgreSQL when set; otherwise the embedded PGlite store in dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  host: string;
  port: number;
  /** Public base URL used in links sent to customers. */
  publicUrl: string;
  /** Starts the pg-boss workers (timers). Tests turn it off where they drive time by hand. */
  runJobs: boolean;
  logLevel: string;
  /** The inbound SMTP listener's port (KEPT_SMTP_PORT, default 2525; "off" → null, no listener). */
  smtpPort: number | null;
  /** SMTP connection limits (src/email/inbound/smtp-listener.ts): all at once, per client address, idle seconds. */
  smtpMaxConnections: number;
  smtpMaxConnectionsPerAddress: number;
  smtpIdleTimeoutSeconds: number;
  /**
   * KEPT_TRUST_PROXY: which proxies' X-Forwarded-For/-Host/-Proto to believe for the client's address
   * (the login throttle and rate limits count by it). Off by default: anyone can write those headers.
   * "true" (every hop: only when nothing reaches Kept but through the proxy), a number of hops, or
   * addresses and ranges, comma-separated ("127.0.0.1,10.0.0.0/8", or "loopback").
   */
  trustProxy: boolean | number | string;
  /** KEPT_SECRET: seals stored mailbox and relay passwords (src/secrets/sealed-credential.ts); the same on every instance. */
  secret: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<KeptConfig> = {}): KeptConfig {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const smtp = SMTP_CONNECTION_DEFAULTS;
  const config: KeptConfig = {
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    dataDir: path.resolve(env.KEPT_DATA_DIR ?? '.kept-data'),
    host,
    port,
    publicUrl: env.KEPT_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    runJobs: env.KEPT_JOBS !== 'off',
    logLevel: env.LOG_LEVEL ?? 'warn',
    smtpPort: env.KEPT_SMTP_PORT === 'off' ? null : Number(env.KEPT_SMTP_PORT ?? 2525),
    smtpMaxConnections: positiveInteger(env, 'KEPT_SMTP_MAX_CONNECTIONS', smtp.maxConnections),
    smtpMaxConnectionsPerAddress: positiveInteger(
      env,
      'KEPT_SMTP_MAX_CONNECTIONS_PER_ADDRESS',
      smtp.maxConnectionsPerAddress,
    ),
    smtpIdleTimeoutSeconds: positiveInteger(env, 'KEPT_SMTP_IDLE_TIMEOUT_SECONDS', smtp.idleTimeoutSeconds),
    trustProxy: trustProxy(env.KEPT_TRUST_PROXY),
    secret: env.KEPT_SECRET && env.KEPT_SECRET.length > 0 ? env.KEPT_SECRET : null,
    ...overrides,
  };
  return config;
}

/** A limit from the environment: a whole number above zero, or a start-up error naming the variable. */
function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0, not "${raw}"`);
  return value;
}

function trustProxy(raw: string | undefined): boolean | number | string {
  const value = (raw ?? '').trim();
  if (value === '' || value === 'false' || value === 'off') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}
