import { computed, onUnmounted, ref, watch, type Ref } from 'vue';
import { getProcedure, requestValidatorUrl, stepValidatorUrl } from '../api/procedures.js';
import { receiveDossier } from '../api/dossiers.js';
import { uploadAttachments } from '../api/attachments.js';
import { previewPromisedDate } from '../api/receipts.js';
import { useSessionStore } from '../stores/session.js';
import { ApiError, problemsUnder, type FieldProblem } from '../api/http.js';
import type {
  Applicant,
  NotifyChannel,
  ReceiveDossierBody,
  ReceivedDossier,
} from '@server/dossiers/dossiers.schema.js';
import type { ProcedureDetail } from '@server/procedures/procedures.schema.js';
import type { ChecklistRow } from '../components/reception/DocumentChecklist.vue';
import type { FeeRow } from '../components/reception/FeeCollection.vue';
import type { PromisedDatePreview } from '@server/receipts/receipts.schema.js';
import { cleanValues, useValidation } from './useValidation.js';
import { useRequestSchema } from './useSchemas.js';
import { alwaysRequired, intakeFields, requiredDocuments } from './procedure-metadata.js';
import { errorText, problemText, t } from '../i18n/index.js';

/** The desk's state for one dossier: the chosen procedure, what was typed, and submitting it. */
export function useReception() {
  const procedure = ref<ProcedureDetail | null>(null);
  const data = ref<Record<string, unknown>>({});
  const applicant = ref<Record<string, unknown>>({});
  const documents = ref<ChecklistRow[]>([]);
  const files = ref<File[]>([]);
  /** Per file, the paper of the checklist it is a scan of ('' for none). */
  const fileDocuments = ref<string[]>([]);
  const fees = ref<FeeRow[]>([]);
  const notify = ref<NotifyChannel[]>([]);
  const channel = ref<ReceiveDossierBody['channel']>('in_person');
  const received = ref<ReceivedDossier | null>(null);
  const warning = ref('');
  const busy = ref(false);
  const serverProblems = ref<FieldProblem[]>([]);
  /** A refusal no field shows (a role, a department, the server), in the chosen language. */
  const failure = ref('');

  const applicantSchema = useRequestSchema('post', '/api/dossiers', 'applicant');
  const intake = computed(() => procedure.value?.steps.intake ?? null);
  const form = useValidation(
    computed(() =>
      procedure.value && intake.value ? stepValidatorUrl(procedure.value, intake.value.id) : null,
    ),
  );
  const person = useValidation(computed(() => requestValidatorUrl('applicant')));
  const fields = computed(() => (procedure.value ? intakeFields(procedure.value) : []));
  const requiredFields = computed(() => alwaysRequired(intake.value));

  /** Browser errors first; the server's (by path, in the chosen language) for anything the browser could not know. */
  const formErrors = computed(() => ({
    ...problemsUnder(serverProblems.value, '/data', problemText),
    ...form.errors.value,
  }));
  const applicantErrors = computed(() => ({
    ...problemsUnder(serverProblems.value, '/applicant', problemText),
    ...person.errors.value,
  }));
  const errorCount = computed(
    () => Object.keys(formErrors.value).length + Object.keys(applicantErrors.value).length,
  );

  const desks = useDesks();
  const preview = usePromisedPreview(procedure, desks.chosen);

  async function choose(code: string) {
    procedure.value = await getProcedure(code);
    documents.value = requiredDocuments(procedure.value.metadata).map((d) => ({ ...d, received: false }));
    reset();
  }

  function reset() {
    data.value = {};
    applicant.value = {};
    files.value = [];
    fileDocuments.value = [];
    fees.value = (procedure.value?.metadata.fees ?? []).map((f) => ({
      ...f,
      listed: f.amount,
      collected: false,
    }));
    notify.value = [];
    received.value = null;
    warning.value = '';
    serverProblems.value = [];
    failure.value = '';
    form.clear();
    person.clear();
  }

  async function submit(): Promise<boolean> {
    if (!procedure.value) return false;
    serverProblems.value = [];
    failure.value = '';
    const body: ReceiveDossierBody = {
      procedureCode: procedure.value.code,
      applicant: cleanValues(applicant.value) as unknown as Applicant,
      data: cleanValues(data.value),
      channel: channel.value,
      documents: documents.value
        .filter((d) => d.received && d.name.trim())
        .map(({ name, form: kind, count }) => ({ name: name.trim(), form: kind, count })),
      notifyChannels: notify.value,
      fees: fees.value.map(({ name, amount, collected }) => ({ name, amount, collected })),
      ...(desks.chosen.value ? { departmentCode: desks.chosen.value } : {}),
    };
    const [okForm, okPerson] = await Promise.all([form.validate(body.data), person.validate(body.applicant)]);
    const okNotify =
      (!notify.value.includes('sms') || !!body.applicant.phone) &&
      (!notify.value.includes('email') || !!body.applicant.email);
    if (!okForm || !okPerson || !okNotify) return false;
    busy.value = true;
    try {
      received.value = await receiveDossier(body);
      if (files.value.length) {
        await uploadAttachments(received.value.code, files.value, fileDocuments.value).catch(
          (err: unknown) => {
            warning.value = t('reception.uploadFailed', { message: errorText(err) });
          },
        );
      }
      return true;
    } catch (err) {
      serverProblems.value = err instanceof ApiError ? err.problems : [];
      if (!errorCount.value) failure.value = errorText(err);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    procedure,
    data,
    applicant,
    documents,
    files,
    fileDocuments,
    fees,
    desks,
    preview,
    notify,
    channel,
    received,
    warning,
    failure,
    busy,
    fields,
    requiredFields,
    formErrors,
    applicantErrors,
    errorCount,
    applicantSchema,
    choose,
    reset,
    submit,
  };
}

const DESK_KEY = 'motcua.desk';

/**
 * The desks (departments) the receptionist receives at, and the one chosen, remembered in this
 * browser per user: a receptionist sits at the same desk day after day.
 */
function useDesks() {
  const session = useSessionStore();
  const all = computed(() => session.user?.departments ?? []);
  const key = computed(() => `${DESK_KEY}.${session.user?.id ?? ''}`);
  const remembered = localStorage.getItem(key.value);
  const chosen = ref<string | null>(
    all.value.some((d) => d.code === remembered) ? remembered : (all.value[0]?.code ?? null),
  );
  watch(chosen, (code) => {
    if (code) localStorage.setItem(key.value, code);
  });
  return { all, chosen };
}

/**
 * The promised date the server would give the dossier now, shown before submitting. Asked again
 * when the procedure or the desk changes and every minute, since a cut-off hour or the end of the
 * working day moves it.
 */
function usePromisedPreview(procedure: Ref<ProcedureDetail | null>, desk: Ref<string | null>) {
  const preview = ref<PromisedDatePreview | null>(null);
  let asked = 0;
  async function refresh() {
    const code = procedure.value?.code;
    const ticket = ++asked;
    if (!code) return void (preview.value = null);
    // Only the latest question's answer is shown: an earlier one may arrive after it.
    const answer = await previewPromisedDate(code, desk.value).catch(() => null);
    if (ticket === asked) preview.value = answer;
  }
  watch([() => procedure.value?.code, desk], () => void refresh(), { immediate: true });
  const timer = setInterval(() => void refresh(), 60_000);
  onUnmounted(() => clearInterval(timer));
  return preview;
}
