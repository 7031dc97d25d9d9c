import path from 'node:path';

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
  /** KEPT_SECRET: seals stored mailbox and relay passwords (src/secrets/sealed-credential.ts); the same on every instance. */
  secret: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<KeptConfig> = {}): KeptConfig {
  const port = Number(env.PORT ?? 3000);
  const host = env.HOST ?? '127.0.0.1';
  const config: KeptConfig = {
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : null,
    dataDir: path.resolve(env.KEPT_DATA_DIR ?? '.kept-data'),
    host,
    port,
    publicUrl: env.KEPT_PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    runJobs: env.KEPT_JOBS !== 'off',
    logLevel: env.LOG_LEVEL ?? 'warn',
    smtpPort: env.KEPT_SMTP_PORT === 'off' ? null : Number(env.KEPT_SMTP_PORT ?? 2525),
    secret: env.KEPT_SECRET && env.KEPT_SECRET.length > 0 ? env.KEPT_SECRET : null,
    ...overrides,
  };
  return config;
}
