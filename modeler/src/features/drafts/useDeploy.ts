import { computed, ref } from 'vue';
import type { DeployedVersion } from '@server/procedures/procedures.schema.js';
import type { SavedDraft } from '@server/drafts/drafts.schema.js';
import type { BpmnProblem } from '@server/engine/bpmn-inspection.js';
import { ApiError } from '../../../../client/src/api/http.js';
import { errorText, t } from '../../../../client/src/i18n/index.js';
import { deployDraft } from '../../api/drafts.js';
import { useDraftState } from './draft-context.js';

/**
 * Deploys the saved draft as the procedure's next version. It waits for a clean diagram (no
 * lint error) and for the autosave; the last edit is saved first. The server's 422 problems go
 * to `serverProblems`, where the canvas marks them.
 */
export function useDeploy() {
  const draft = useDraftState();
  const { lintErrors, serverProblems } = draft;
  const deploying = ref(false);
  const deployed = ref<DeployedVersion | null>(null);
  const problem = ref('');
  const blocked = computed(
    () =>
      deploying.value ||
      lintErrors.value > 0 ||
      draft.status.value === 'saving' ||
      draft.conflict.value !== null ||
      (draft.revision.value === 0 && draft.status.value !== 'unsaved'),
  );

  async function deploy(): Promise<void> {
    deploying.value = true;
    problem.value = '';
    deployed.value = null;
    try {
      await draft.flush();
      if (draft.conflict.value || draft.status.value !== 'saved') return;
      deployed.value = await deployDraft(draft.code, draft.revision.value);
      serverProblems.value = [];
      draft.closed();
    } catch (err) {
      refused(err);
    } finally {
      deploying.value = false;
    }
  }

  function refused(err: unknown): void {
    if (err instanceof ApiError && err.code === 'draft_conflict') {
      draft.conflict.value = err.details as SavedDraft;
    } else if (err instanceof ApiError && err.code === 'invalid_bpmn') {
      serverProblems.value = err.details as BpmnProblem[];
      problem.value = t('drafts.invalid', { count: serverProblems.value.length });
    } else if (err instanceof ApiError && err.code === 'validation_failed') {
      // The facts (name, duration…) belong to no element: listed with the diagram's problems.
      serverProblems.value = err.problems.map((p) => ({
        elementId: null,
        message: `${p.path}: ${p.message}`,
      }));
      problem.value = t('drafts.invalid', { count: serverProblems.value.length });
    } else problem.value = errorText(err);
  }

  return { deploy, deploying, deployed, problem, blocked, lintErrors };
}
