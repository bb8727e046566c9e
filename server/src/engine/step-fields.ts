import type { FormSchema, IntakeStep, ProcedureSteps, StepFields } from '../db/procedure-content.schema.js';
import type { BpmnProblem } from './bpmn-inspection.js';

/** One step that owns form fields, with what it may answer (a user task's outcomes). */
export interface FieldOwner {
  id: string;
  label: string;
  fields: StepFields;
  outcomes: string[];
}

/**
 * Checks at deploy what each step says of the form's fields against the form schema: every field
 * it names exists, it requires only what it edits, for outcomes it has, and every field the form
 * requires is filled in by some step. Stores the intake step settled (`settledIntake`), with a
 * warning when the start event declared no fields.
 */
export function checkStepFields(
  steps: ProcedureSteps,
  form: FormSchema,
): { problems: BpmnProblem[]; warnings: BpmnProblem[] } {
  const problems: BpmnProblem[] = [];
  const warnings: BpmnProblem[] = [];
  const names = Object.keys(form.properties ?? {});
  if (steps.intake && steps.intake.editableFields === null) {
    warnings.push({
      elementId: steps.intake.id,
      message:
        'The start event has no mc:editableFields, so the desk fills in every field no later step edits; list the fields taken in at the desk',
    });
  }
  if (steps.intake) steps.intake = settledIntake(steps, form);
  const owners = fieldOwners(steps);
  for (const owner of owners) problems.push(...ownerProblems(owner, names));
  for (const field of form.required ?? []) {
    if (!owners.some((o) => o.fields.editableFields?.includes(field))) {
      problems.push({
        elementId: steps.intake?.id ?? null,
        message: `The form requires "${field}", but no step fills it in: add it to the mc:editableFields of the start event or of the step that enters it`,
      });
    } else if (!owners.some((o) => o.fields.requiredFields?.some((r) => r.field === field))) {
      warnings.push({
        elementId: null,
        message: `The form requires "${field}", but no step lists it in mc:requiredFields, so a dossier can go on without it`,
      });
    }
  }
  return { problems, warnings };
}

/**
 * The intake step as the desk uses it. A start event that declares no fields gets every field
 * no later step fills in, the form's required ones among them required: what the desk showed
 * before steps declared theirs. A version deployed before then has no intake at all and gets
 * the same, under the id `intake`.
 */
export function settledIntake(steps: ProcedureSteps, form: FormSchema): IntakeStep {
  const intake = steps.intake ?? { id: 'intake', name: '', editableFields: null };
  if (intake.editableFields !== null) return { requiredFields: [], visibleFields: null, ...intake };
  const later = new Set(
    [...Object.values(steps.userTasks), ...Object.values(steps.messageEvents ?? {})].flatMap(
      (s) => s.editableFields ?? [],
    ),
  );
  const editableFields = Object.keys(form.properties ?? {}).filter((name) => !later.has(name));
  const requiredFields = (form.required ?? [])
    .filter((name) => editableFields.includes(name))
    .map((field) => ({ field, outcomes: [] }));
  return { ...intake, editableFields, requiredFields, visibleFields: null };
}

/** A step of the version by id (the intake, a user task or a message catch event), with its outcomes. */
export function findFieldOwner(
  steps: ProcedureSteps & { intake: IntakeStep },
  id: string,
): FieldOwner | null {
  return fieldOwners(steps).find((owner) => owner.id === id) ?? null;
}

function fieldOwners(steps: ProcedureSteps): FieldOwner[] {
  return [
    ...(steps.intake
      ? [{ id: steps.intake.id, label: 'start event', fields: steps.intake, outcomes: [] }]
      : []),
    ...Object.values(steps.userTasks).map((s) => ({
      id: s.id,
      label: 'user task',
      fields: s,
      outcomes: s.outcomes,
    })),
    ...Object.values(steps.messageEvents ?? {}).map((m) => ({
      id: m.id,
      label: 'message catch event',
      fields: { editableFields: m.editableFields ?? null, requiredFields: m.requiredFields ?? [] },
      outcomes: [],
    })),
  ];
}

function ownerProblems(owner: FieldOwner, names: string[]): BpmnProblem[] {
  const problems: string[] = [];
  const { editableFields, requiredFields, visibleFields } = owner.fields;
  const lists: [string, string[]][] = [
    ['mc:editableFields', editableFields ?? []],
    ['mc:requiredFields', (requiredFields ?? []).map((r) => r.field)],
    ['mc:visibleFields', visibleFields ?? []],
  ];
  for (const [attribute, fields] of lists) {
    for (const field of fields.filter((f) => !names.includes(f)))
      problems.push(`${attribute} names "${field}", which the form has no field for`);
  }
  for (const { field, outcomes } of requiredFields ?? []) {
    if (names.includes(field) && !editableFields?.includes(field))
      problems.push(
        `mc:requiredFields names "${field}", which this ${owner.label} does not edit: a step requires only what it fills in`,
      );
    for (const outcome of outcomes.filter((o) => !owner.outcomes.includes(o)))
      problems.push(
        owner.outcomes.length
          ? `mc:requiredFields requires "${field}" for outcome "${outcome}", which is not one of ${owner.outcomes.join(', ')}`
          : `mc:requiredFields names an outcome for "${field}", but this ${owner.label} has no outcomes`,
      );
  }
  return problems.map((message) => ({ elementId: owner.id, message }));
}
