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
  /** Base URL citizens reach the server at (QR codes on receipts); null: the request's own origin. */
  publicUrl: string | null;
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
  };
}
