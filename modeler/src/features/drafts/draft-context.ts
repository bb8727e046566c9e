import { inject, provide, type InjectionKey } from 'vue';
import type { DraftState } from './useDraft.js';

const KEY: InjectionKey<DraftState> = Symbol('motcua-draft');

/** The editor page's draft, for its toolbar controls (save status, deploy). */
export function provideDraft(draft: DraftState): void {
  provide(KEY, draft);
}

export function useDraftState(): DraftState {
  const draft = inject(KEY);
  if (!draft) throw new Error('useDraftState() outside the procedure editor');
  return draft;
}
