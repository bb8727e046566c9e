import { ref } from 'vue';
import { getControlSlip, getDossier } from '../api/dossiers.js';
import { getProcedureVersion } from '../api/procedures.js';
import { listAttachments } from '../api/attachments.js';
import type { Attachment } from '@server/attachments/attachments.schema.js';
import type { ControlSlip } from '@server/deadlines/deadlines.schema.js';
import type { DossierDetail } from '@server/dossiers/dossiers.schema.js';
import type { ProcedureDetail } from '@server/procedures/procedures.schema.js';

/** A dossier with the procedure version it runs on, its files and its control slip, loaded together. */
export function useDossier(code: () => string) {
  const dossier = ref<DossierDetail | null>(null);
  const procedure = ref<ProcedureDetail | null>(null);
  const attachments = ref<Attachment[]>([]);
  const slip = ref<ControlSlip | null>(null);
  const error = ref<unknown>(null);

  async function load() {
    try {
      const [d, files, controlSlip] = await Promise.all([
        getDossier(code()),
        listAttachments(code()),
        getControlSlip(code()),
      ]);
      if (
        procedure.value?.code !== d.procedureCode ||
        procedure.value.currentVersion !== d.procedureVersion
      ) {
        procedure.value = await getProcedureVersion(d.procedureCode, d.procedureVersion);
      }
      dossier.value = d;
      attachments.value = files;
      slip.value = controlSlip;
      error.value = null;
    } catch (err) {
      error.value = err;
    }
  }

  return { dossier, procedure, attachments, slip, error, load };
}
