import { ApiClient } from './api-client.js';

/** The demo users (server/src/seed/demo.ts) and the admin, by what a test has them do. */
export const DEMO_STAFF = {
  reception: 'tiepnhan',
  officer: 'chuyenvien',
  leader: 'lanhdao',
  tax: 'canbothue',
  supervisor: 'giamsat',
  designer: 'thietke',
  admin: 'admin',
} as const;

export type StaffRole = keyof typeof DEMO_STAFF;

/**
 * Signs in the demo staff a spec works with, each with a session of its own:
 * `({ reception, officer } = await signIn(server.baseUrl, 'reception', 'officer'))`.
 */
export async function signIn<R extends StaffRole>(
  baseUrl: string,
  ...roles: R[]
): Promise<Record<R, ApiClient>> {
  const clients = await Promise.all(roles.map((role) => ApiClient.as(baseUrl, DEMO_STAFF[role])));
  return Object.fromEntries(roles.map((role, i) => [role, clients[i]!])) as Record<R, ApiClient>;
}

/** A new staff account made by the admin, signed in with a session of its own. */
export async function newStaff(
  admin: ApiClient,
  user: { username: string; fullName: string; roles: string[]; departments: string[] },
): Promise<ApiClient> {
  // Not derived from the username: the password policy refuses one that contains it.
  const password = 'Mat-khau-nhan-vien-moi-2026!';
  const created = await admin.post('/api/admin/users', { ...user, password });
  if (created.status !== 201) throw new Error(`creating ${user.username}: ${JSON.stringify(created.body)}`);
  const client = new ApiClient(admin.baseUrl);
  const login = await client.post('/api/auth/login', { username: user.username, password });
  if (login.status !== 200) throw new Error(`signing in ${user.username}: ${login.status}`);
  return client;
}
