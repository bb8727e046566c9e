import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import * as auth from '../api/auth.js';
import type { Role, SessionUser } from '@server/core/roles.js';

/** Who is signed in; loaded once from /api/me, then kept by login and logout. */
export const useSessionStore = defineStore('session', () => {
  const user = ref<SessionUser | null>(null);
  const loaded = ref(false);

  async function load(): Promise<void> {
    if (loaded.value) return;
    user.value = (await auth.currentSession()).user;
    loaded.value = true;
  }

  async function login(username: string, password: string): Promise<void> {
    user.value = await auth.login(username, password);
    loaded.value = true;
  }

  async function logout(): Promise<void> {
    await auth.logout();
    user.value = null;
  }

  const hasRole = (...roles: Role[]) => roles.some((r) => user.value?.roles.includes(r));

  /** Where a user starts: the desk, the inbox, the reports, the dossier search or the procedures, by role. */
  const home = computed(() => {
    if (hasRole('receptionist')) return '/reception';
    if (hasRole('officer', 'leader')) return '/inbox';
    if (hasRole('supervisor')) return '/reports';
    if (hasRole('designer') && !hasRole('supervisor', 'admin')) return '/modeler';
    return '/dossiers';
  });

  return { user, loaded, load, login, logout, hasRole, home };
});
