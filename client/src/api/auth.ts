import { get, post } from './http.js';
import type { SessionUser } from '@server/core/roles.js';

export const login = (username: string, password: string) =>
  post<SessionUser>('/api/auth/login', { username, password });
export const logout = () => post<{ ok: boolean }>('/api/auth/logout');
/** The signed-in user or null, without a 401 in the console for anonymous visitors. */
export const currentSession = () => get<{ user: SessionUser | null }>('/api/auth/session');
