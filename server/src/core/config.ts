import path from 'node:path';
import { passwordProblem } from './password-policy.js';

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  production: boolean;
  adminPassword: string;
  /** ADMIN_PASSWORD was set: the admin's password is made this one at every start. */
  adminPasswordGiven: boolean;
  /** Demo mode seeds departments, users and procedures with documented passwords. */
  demo: boolean;
  /** Base URL citizens reach the server at (QR codes, lookup links); null: the request's own origin (never in production). */
  publicUrl: string | null;
  sessions: {
    /** A session unused this long is over. */
    idleMinutes: number;
    /** A session is over this long after sign-in, however busy. */
    maxHours: number;
  };
  /** TRUST_PROXY: a reverse proxy in front sets X-Forwarded-Proto/-Host/-For, so they are believed. */
  trustProxy: boolean;
  /** Engines kept in memory between commands, per process (0: recover each command from the database). */
  hotEngines: number;
  jobs: {
    enabled: boolean;
    intervalMs: number;
    remindAheadHours: number;
  };
  /** METRICS_TOKEN: the Bearer token /metrics requires; null: open outside production, off in it. */
  metricsToken: string | null;
  /** SHUTDOWN_GRACE_MS: how long a stopping server lets requests in flight finish. */
  shutdownGraceMs: number;
  notify: {
    smsGatewayUrl?: string;
    smsGatewayToken?: string;
    smtpUrl?: string;
    mailFrom?: string;
  };
}

export const DEMO_ADMIN_PASSWORD = 'admin123';

/** Where the data lives: what the backup and restore scripts need, without the server's other settings. */
export function storageConfig(env: NodeJS.ProcessEnv = process.env): Pick<Config, 'dataDir' | 'databaseUrl'> {
  return { dataDir: path.resolve(env.DATA_DIR ?? './data'), databaseUrl: env.DATABASE_URL || undefined };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  if (production) requireProductionSettings(env);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT is not a port: ${env.PORT}`);
  return {
    port,
    ...storageConfig(env),
    production,
    adminPassword: env.ADMIN_PASSWORD || DEMO_ADMIN_PASSWORD,
    adminPasswordGiven: Boolean(env.ADMIN_PASSWORD),
    demo: !production && env.DEMO !== 'false',
    publicUrl: env.PUBLIC_URL ? publicUrlOf(env.PUBLIC_URL) : null,
    trustProxy: env.TRUST_PROXY === 'true',
    sessions: {
      idleMinutes: positive(env.SESSION_IDLE_MINUTES, 60, 'SESSION_IDLE_MINUTES'),
      maxHours: positive(env.SESSION_MAX_HOURS, 10, 'SESSION_MAX_HOURS'),
    },
    hotEngines: count(env.ENGINE_HOT_LIMIT, 5000, 'ENGINE_HOT_LIMIT'),
    jobs: {
      enabled: env.JOBS !== 'false',
      intervalMs: positive(env.JOBS_INTERVAL_MS, 5000, 'JOBS_INTERVAL_MS'),
      remindAheadHours: positive(env.REMIND_AHEAD_HOURS, 8, 'REMIND_AHEAD_HOURS'),
    },
    metricsToken: env.METRICS_TOKEN || null,
    shutdownGraceMs: positive(env.SHUTDOWN_GRACE_MS, 10_000, 'SHUTDOWN_GRACE_MS'),
    notify: {
      smsGatewayUrl: env.SMS_GATEWAY_URL || undefined,
      smsGatewayToken: env.SMS_GATEWAY_TOKEN || undefined,
      smtpUrl: env.SMTP_URL || undefined,
      mailFrom: env.MAIL_FROM || undefined,
    },
  };
}

/**
 * Production has no default to fall back on: the admin password must be given and strong, and
 * citizen links must not be built from whatever Host header a request carried.
 */
function requireProductionSettings(env: NodeJS.ProcessEnv): void {
  if (!env.ADMIN_PASSWORD) {
    throw new Error('NODE_ENV=production requires ADMIN_PASSWORD (the password of the admin user)');
  }
  const weak = passwordProblem(env.ADMIN_PASSWORD, 'admin');
  if (weak) throw new Error(`ADMIN_PASSWORD is refused in production: ${weak}`);
  if (!env.PUBLIC_URL) {
    throw new Error(
      'NODE_ENV=production requires PUBLIC_URL (the https address citizens reach the server at, e.g. https://motcua.example.gov.vn)',
    );
  }
}

function publicUrlOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL is not a URL: "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`PUBLIC_URL must be http(s), not "${value}"`);
  return value.replace(/\/+$/, '');
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
