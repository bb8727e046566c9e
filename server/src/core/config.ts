import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  production: boolean;
  adminPassword: string;
  /** Demo mode seeds departments, users and procedures with documented passwords. */
  demo: boolean;
  /** Base URL citizens reach the server at (QR codes, lookup links); null: the request's own origin. */
  publicUrl: string | null;
  /** TRUST_PROXY: a reverse proxy in front sets X-Forwarded-Proto/-Host/-For, so they are believed. */
  trustProxy: boolean;
  /** Engines kept in memory between commands, per process (0: recover each command from the database). */
  hotEngines: number;
  jobs: {
    enabled: boolean;
    intervalMs: number;
    remindAheadHours: number;
  };
  notify: {
    smsGatewayUrl?: string;
    smsGatewayToken?: string;
    smtpUrl?: string;
    mailFrom?: string;
  };
}

export const DEMO_ADMIN_PASSWORD = 'admin123';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  if (production && !env.ADMIN_PASSWORD) {
    throw new Error('NODE_ENV=production requires ADMIN_PASSWORD (the password of the admin user)');
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port: ${env.PORT}`);
  return {
    port,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    production,
    adminPassword: env.ADMIN_PASSWORD ?? DEMO_ADMIN_PASSWORD,
    demo: !production && env.DEMO !== 'false',
    publicUrl: env.PUBLIC_URL || null,
    trustProxy: env.TRUST_PROXY === 'true',
    hotEngines: count(env.ENGINE_HOT_LIMIT, 5000, 'ENGINE_HOT_LIMIT'),
    jobs: {
      enabled: env.JOBS !== 'false',
      intervalMs: positive(env.JOBS_INTERVAL_MS, 5000, 'JOBS_INTERVAL_MS'),
      remindAheadHours: positive(env.REMIND_AHEAD_HOURS, 8, 'REMIND_AHEAD_HOURS'),
    },
    notify: {
      smsGatewayUrl: env.SMS_GATEWAY_URL || undefined,
      smsGatewayToken: env.SMS_GATEWAY_TOKEN || undefined,
      smtpUrl: env.SMTP_URL || undefined,
      mailFrom: env.MAIL_FROM || undefined,
    },
  };
}

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, not "${value}"`);
  return n;
}

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a whole number of 0 or more, not "${value}"`);
  return n;
}
