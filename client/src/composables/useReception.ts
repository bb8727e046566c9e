import { computed, ref } from 'vue';
import { getProcedure, requestValidatorUrl, stepValidatorUrl } from '../api/procedures.js';
import { receiveDossier } from '../api/dossiers.js';
import { uploadAttachments } from '../api/attachments.js';
import { ApiError, problemsUnder, type FieldProblem } from '../api/http.js';
import type {
  Applicant,
  NotifyChannel,
  ReceiveDossierBody,
  ReceivedDossier,
} from '@server/dossiers/dossiers.schema.js';
import type { ProcedureDetail } from '@server/procedures/procedures.schema.js';
import type { ChecklistRow } from '../components/reception/DocumentChecklist.vue';
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

  async function choose(code: string) {
    procedure.value = await getProcedure(code);
    documents.value = requiredDocuments(procedure.value.metadata).map((d) => ({ ...d, received: false }));
    reset();
  }

  function reset() {
    data.value = {};
    applicant.value = {};
    files.value = [];
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
        await uploadAttachments(received.value.code, files.value).catch((err: unknown) => {
          warning.value = t('reception.uploadFailed', { message: errorText(err) });
        });
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
