import { onBeforeUnmount, ref, type Ref, type ShallowRef } from 'vue';
import type Modeler from 'bpmn-js/lib/Modeler';
import type { Draft, DraftContent, SavedDraft } from '@server/drafts/drafts.schema.js';
import type { BpmnProblem } from '@server/engine/bpmn-inspection.js';
import { ApiError } from '../../../../client/src/api/http.js';
import { errorText } from '../../../../client/src/i18n/index.js';
import { getDraft, saveDraft } from '../../api/drafts.js';

/** none: nothing edited since the deployed version; unsaved: an edit waits for the autosave. */
export type SaveStatus = 'none' | 'unsaved' | 'saving' | 'saved' | 'failed';

const AUTOSAVE_DELAY_MS = 1000;

/** The editor's parts a draft reads and writes (the page passes them: see editor-context). */
interface DraftSource {
  code: string;
  modeler: ShallowRef<Modeler | null>;
  content: Ref<Omit<DraftContent, 'bpmn'>>;
  /** Shows a diagram on the canvas (the other designer's, on reload). */
  open(xml: string): Promise<void>;
  lintErrors: Ref<number>;
  serverProblems: Ref<BpmnProblem[]>;
}

/**
 * The procedure's draft on the server: every edit is saved a second after the last one, over
 * the revision last seen. When another designer saved in between, `conflict` holds who and
 * when until the designer reloads theirs or overwrites it with their own.
 */
export function useDraft(source: DraftSource) {
  const { code, modeler, content, open } = source;
  const revision = ref(0);
  const status = ref<SaveStatus>('none');
  const savedAt = ref<string | null>(null);
  const failure = ref('');
  const conflict = ref<SavedDraft | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;
  let again = false;

  /** The draft as the server holds it, shown on the canvas. */
  async function show(draft: Draft): Promise<void> {
    const { bpmn, ...rest } = draft.content;
    content.value = rest;
    await open(bpmn);
    revision.value = draft.revision;
    savedAt.value = draft.updatedAt;
    status.value = 'saved';
  }

  /** An edit: the autosave runs once the designer pauses. */
  function changed(): void {
    status.value = 'unsaved';
    clearTimeout(timer);
    if (!conflict.value) timer = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }

  /** Saves now, or once more after the save under way, so the last edit is always the one stored. */
  async function flush(): Promise<void> {
    clearTimeout(timer);
    if (running) {
      again = true;
      return running;
    }
    running = save(revision.value).finally(() => (running = null));
    await running;
    if (again && !conflict.value) {
      again = false;
      await flush();
    }
  }

  async function save(over: number): Promise<void> {
    status.value = 'saving';
    try {
      const { xml } = await modeler.value!.saveXML({ format: true });
      const saved = await saveDraft(code, over, { ...content.value, bpmn: xml! });
      revision.value = saved.revision;
      savedAt.value = saved.updatedAt;
      status.value = again ? 'unsaved' : 'saved';
    } catch (err) {
      await refused(err, over);
    }
  }

  async function refused(err: unknown, over: number): Promise<void> {
    status.value = 'failed';
    if (err instanceof ApiError && err.code === 'draft_conflict') {
      conflict.value = err.details as SavedDraft;
      status.value = 'unsaved';
    } else if (err instanceof ApiError && err.code === 'draft_not_found' && over > 0) {
      // Deployed or discarded meanwhile: these edits begin the next draft.
      revision.value = 0;
      await save(0);
    } else failure.value = errorText(err);
  }

  /** The designer's answer to a conflict: take the other's draft, or save theirs over it. */
  async function resolve(choice: 'reload' | 'overwrite'): Promise<void> {
    const seen = conflict.value!;
    conflict.value = null;
    again = false;
    if (choice === 'reload') await show(await getDraft(code));
    else await save(seen.revision);
  }

  /** The draft became a version: the next edit begins a new one. */
  function closed(): void {
    revision.value = 0;
    status.value = 'none';
  }

  onBeforeUnmount(() => clearTimeout(timer));

  const { lintErrors, serverProblems } = source;
  return {
    code,
    revision,
    status,
    savedAt,
    failure,
    conflict,
    lintErrors,
    serverProblems,
    show,
    changed,
    flush,
    resolve,
    closed,
  };
}

export type DraftState = ReturnType<typeof useDraft>;
