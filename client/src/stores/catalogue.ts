import { defineStore } from 'pinia';
import { ref } from 'vue';
import { listDepartments, listProcedures } from '../api/procedures.js';
import type { Department } from '@server/organisation/organisation.schema.js';
import type { ProcedureSummary } from '@server/procedures/procedures.schema.js';

/** Names of procedures and departments, fetched once, for showing codes as words. */
export const useCatalogueStore = defineStore('catalogue', () => {
  const procedures = ref<ProcedureSummary[]>([]);
  const departments = ref<Department[]>([]);
  let loading: Promise<void> | null = null;

  function load(): Promise<void> {
    loading ??= Promise.all([listProcedures(), listDepartments()]).then(([p, d]) => {
      procedures.value = p;
      departments.value = d;
    });
    return loading;
  }

  const procedureName = (code: string) => procedures.value.find((p) => p.code === code)?.name ?? code;
  const departmentName = (code: string) => departments.value.find((d) => d.code === code)?.name ?? code;

  return { procedures, departments, load, procedureName, departmentName };
});
