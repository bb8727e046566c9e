import type { ModdleElement, ParseResult } from 'bpmn-moddle';
import { ROLES, type Role } from '../db/roles.schema.js';
import { feelCostError, feelSyntaxError, isIsoTimerValue } from './feel.js';
import { budgetFromText, isoBudget } from './budget-paths.js';
import { outcomeRoutes } from './outcome-routes.js';
import type {
  MessageWait,
  ProcedureSteps,
  RequiredField,
  StepBudget,
  StepFields,
  StepSpec,
} from '../db/procedure-content.schema.js';

/** Far above any real procedure (the largest have a few dozen steps); bounds work done per deploy. */
export const MAX_FLOW_ELEMENTS = 2000;

export interface BpmnProblem {
  elementId: string | null;
  message: string;
}

export type { MessageWait, ProcedureSteps, StepBudget, StepSpec } from '../db/procedure-content.schema.js';

const FORBIDDEN_TYPES: Record<string, string> = {
  'bpmn:ScriptTask': 'Script tasks are not allowed: no JavaScript from a diagram ever runs. Use a user task.',
  'bpmn:BusinessRuleTask': 'Business rule tasks are not supported yet.',
};

/**
 * Reads a diagram from its bpmn:Definitions: the step specs the runtime needs, every problem
 * that forbids deploying it and the warnings a designer should see (deploy goes on), each with
 * the id of the element at fault. Deploy and the modeler run the problems as one rule
 * (lint/motcua-rules/diagram-rules.ts), so both read the same list.
 */
export function inspectDiagram(definitions: ModdleElement): {
  steps: ProcedureSteps;
  problems: BpmnProblem[];
  warnings: BpmnProblem[];
} {
  const problems: BpmnProblem[] = [];
  const warnings: BpmnProblem[] = [];
  const steps: ProcedureSteps = { userTasks: {}, eventStatuses: {}, messageEvents: {}, hasTimers: false };
  const processes = rootProcesses(definitions);
  if (!processes.length) problems.push({ elementId: null, message: 'The diagram has no process' });
  for (const process of processes) {
    const laneOf = lanesByNode(process);
    const elements = flowElements(process);
    for (const element of elements) inspectElement(element, laneOf, steps, problems);
    markReasonOutcomes(elements, steps);
  }
  for (const step of Object.values(steps.userTasks)) {
    if (step.editableFields !== null) continue;
    warnings.push({
      elementId: step.id,
      message:
        'User task has no mc:editableFields, so it changes no form field; list the fields it edits, or set it empty to say none',
    });
  }
  return { steps, problems, warnings };
}

/**
 * The outcomes whose completion must say why: those that send the work back to a step done
 * before (a leader returning a draft, a supplement asked for) and those that end the dossier as
 * refused (status 3). The person it goes back to, and the citizen, read the reason.
 */
function markReasonOutcomes(elements: ModdleElement[], steps: ProcedureSteps): void {
  for (const route of outcomeRoutes(elements)) {
    const step = steps.userTasks[route.step];
    // A step that requires its own fields for this outcome (what to supplement) says why in them.
    if (!step || step.requiredFields?.some((r) => r.outcomes.includes(route.outcome))) continue;
    // 3: the national status code of a refused dossier
    const refuses = route.end !== null && Number(route.end.get('mc:status')) === 3;
    if (route.loops || refuses) step.reasonOutcomes!.push(route.outcome);
  }
}

/** Refuses a diagram too large to check and run at a reasonable cost, before any rule walks it. */
export function sizeProblems(parsed: ParseResult): BpmnProblem[] {
  const count = rootProcesses(parsed.rootElement).reduce((n, p) => n + flowElements(p).length, 0);
  if (count <= MAX_FLOW_ELEMENTS) return [];
  return [
    {
      elementId: null,
      message: `The diagram has ${count} flow elements; at most ${MAX_FLOW_ELEMENTS} are allowed`,
    },
  ];
}

function inspectElement(
  element: ModdleElement,
  laneOf: Map<string, ModdleElement>,
  steps: ProcedureSteps,
  problems: BpmnProblem[],
): void {
  const id = element.id ?? null;
  const forbidden = FORBIDDEN_TYPES[element.$type];
  if (forbidden) problems.push({ elementId: id, message: forbidden });
  if (element.$type === 'bpmn:UserTask') {
    steps.userTasks[element.id as string] = userTaskSpec(element, laneOf.get(element.id as string), problems);
  }
  if (element.$type === 'bpmn:StartEvent' && !steps.intake) {
    steps.intake = {
      id: element.id as string,
      name: (element.name as string | undefined) ?? '',
      ...fieldsOf(element),
    };
  }
  if (element.$type === 'bpmn:EndEvent' || element.$type === 'bpmn:IntermediateCatchEvent') {
    const status = statusOf(element, problems);
    if (status !== null) steps.eventStatuses[element.id as string] = status;
  }
  if (element.$type === 'bpmn:SequenceFlow') inspectCondition(element, problems);
  const definitions = (element.eventDefinitions as ModdleElement[] | undefined) ?? [];
  if (definitions.some((d) => d.$type === 'bpmn:TimerEventDefinition')) steps.hasTimers = true;
  for (const timer of definitions.filter((d) => d.$type === 'bpmn:TimerEventDefinition'))
    inspectTimer(timer, id, problems);
  if (element.$type === 'bpmn:ExclusiveGateway') inspectExclusiveGateway(element, problems);
  if (element.$type === 'bpmn:IntermediateCatchEvent') {
    const wait = messageWait(element, laneOf.get(element.id as string), problems);
    if (wait) steps.messageEvents![wait.id] = wait;
  }
}

/** Every flow out of a forking exclusive gateway has a condition or is the gateway's default. */
function inspectExclusiveGateway(gateway: ModdleElement, problems: BpmnProblem[]): void {
  const outgoing = (gateway.outgoing as ModdleElement[] | undefined) ?? [];
  if (outgoing.length < 2) return;
  for (const flow of outgoing) {
    if (flow.conditionExpression || gateway.default === flow) continue;
    problems.push({
      elementId: flow.id ?? null,
      message: `Flow out of exclusive gateway ${gateway.id} has no FEEL condition and is not the gateway's default`,
    });
  }
}

function messageWait(
  event: ModdleElement,
  lane: ModdleElement | undefined,
  problems: BpmnProblem[],
): MessageWait | null {
  const definition = ((event.eventDefinitions as ModdleElement[] | undefined) ?? [])[0];
  if (definition?.$type !== 'bpmn:MessageEventDefinition') return null;
  const message = (definition.messageRef as ModdleElement | undefined)?.name as string | undefined;
  if (!message) {
    problems.push({
      elementId: event.id ?? null,
      message: 'Message catch event needs a message with a name (messageRef to a bpmn:message)',
    });
    return null;
  }
  return {
    id: event.id as string,
    name: (event.name as string | undefined) ?? (event.id as string),
    message,
    departments: splitList(lane?.get('mc:department')),
    ...fieldsOf(event),
  };
}

function userTaskSpec(
  task: ModdleElement,
  lane: ModdleElement | undefined,
  problems: BpmnProblem[],
): StepSpec {
  const id = task.id as string;
  const departments = splitList(
    task.get('camunda:candidateGroups') ?? task.get('mc:department') ?? lane?.get('mc:department'),
  );
  if (!departments.length) {
    problems.push({
      elementId: id,
      message:
        'User task has no candidate department: set camunda:candidateGroups or mc:department on the task or its lane',
    });
  }
  const roleText = (task.get('mc:role') ?? lane?.get('mc:role') ?? null) as string | null;
  if (roleText !== null && !(ROLES as readonly string[]).includes(roleText)) {
    problems.push({ elementId: id, message: `Unknown role "${roleText}"; use one of ${ROLES.join(', ')}` });
  }
  return {
    id,
    name: (task.name as string | undefined) ?? id,
    departments,
    role: (roleText as Role | null) ?? null,
    outcomes: splitList(task.get('mc:outcomes')),
    reasonOutcomes: [],
    ...fieldsOf(task),
    budget: parseBudget(task, problems),
    status: statusOf(task, problems),
  };
}

/**
 * A step's mc:editableFields, mc:requiredFields ("certificateNumber" always, "certificateNumber:sign"
 * only when the outcome is sign, "x:a|b" for either) and mc:visibleFields. An absent list is null:
 * the field checks (step-fields.ts) tell "not declared" from "declared empty".
 */
function fieldsOf(element: ModdleElement): Required<StepFields> {
  const editable = element.get('mc:editableFields');
  const visible = element.get('mc:visibleFields');
  return {
    editableFields: editable === undefined ? null : splitList(editable),
    requiredFields: splitList(element.get('mc:requiredFields')).map((item): RequiredField => {
      const [field, outcomes] = item.split(':');
      return { field: field!.trim(), outcomes: splitList(outcomes?.replaceAll('|', ',')) };
    }),
    visibleFields: visible === undefined ? null : splitList(visible),
  };
}

function inspectCondition(flow: ModdleElement, problems: BpmnProblem[]): void {
  const condition = flow.conditionExpression as ModdleElement | undefined;
  if (!condition) return;
  const language = condition.language as string | undefined;
  const body = (condition.body as string | undefined) ?? '';
  if (language && language.toLowerCase() !== 'feel') {
    problems.push({
      elementId: flow.id ?? null,
      message: `Script condition in "${language}" is not allowed: write the condition in FEEL`,
    });
    return;
  }
  if (/\$\{/.test(body)) {
    problems.push({
      elementId: flow.id ?? null,
      message: 'Condition uses ${...} (JUEL); write it in FEEL, e.g. =amount > 10',
    });
    return;
  }
  const error = feelSyntaxError(body);
  if (error) problems.push({ elementId: flow.id ?? null, message: `Condition is not valid FEEL: ${error}` });
  const cost = error ? null : feelCostError(body);
  if (cost) problems.push({ elementId: flow.id ?? null, message: `Condition ${cost}` });
}

/** A timer value is FEEL unless it is a literal ISO 8601 value; it runs each time the timer is set. */
function inspectTimer(timer: ModdleElement, elementId: string | null, problems: BpmnProblem[]): void {
  for (const key of ['timeDuration', 'timeDate', 'timeCycle']) {
    const body = ((timer[key] as ModdleElement | undefined)?.body as string | undefined) ?? '';
    if (!body.trim() || (!body.trim().startsWith('=') && isIsoTimerValue(body))) continue;
    const cost = feelCostError(body);
    if (cost) problems.push({ elementId, message: `Timer value ${cost}` });
  }
}

function statusOf(element: ModdleElement, problems: BpmnProblem[]): number | null {
  const value = element.get('mc:status');
  if (value === undefined || value === null) return null;
  const status = Number(value);
  if (!Number.isInteger(status) || status < 1 || status > 10) {
    problems.push({
      elementId: element.id ?? null,
      message: `mc:status must be a national status code 1–10, not "${String(value)}"`,
    });
    return null;
  }
  return status;
}

function rootProcesses(definitions: ModdleElement): ModdleElement[] {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  return roots.filter((r) => r.$type === 'bpmn:Process');
}

function flowElements(container: ModdleElement): ModdleElement[] {
  const own = (container.flowElements as ModdleElement[] | undefined) ?? [];
  return own.flatMap((e) => [e, ...(e.$type === 'bpmn:SubProcess' ? flowElements(e) : [])]);
}

function lanesByNode(process: ModdleElement): Map<string, ModdleElement> {
  const result = new Map<string, ModdleElement>();
  const visit = (laneSets: ModdleElement[] | undefined) => {
    for (const set of laneSets ?? []) {
      for (const lane of (set.lanes as ModdleElement[] | undefined) ?? []) {
        for (const node of (lane.flowNodeRef as ModdleElement[] | undefined) ?? []) {
          // The innermost lane wins: visit children after setting the parent.
          if (node.id) result.set(node.id, lane);
        }
        visit(lane.childLaneSet ? [lane.childLaneSet as ModdleElement] : undefined);
      }
    }
  };
  visit(process.laneSets as ModdleElement[] | undefined);
  return result;
}

function splitList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A step's budget: `mc:budget` ("3d" working days, "4h" working hours), else Camunda Modeler's
 * `camunda:dueDate` when it is an ISO 8601 duration (P3D, PT4H, P1DT2H). Camunda reads P3D as
 * calendar days; here every budget is working time, the only time a dossier's clock counts.
 * A dueDate that is a date or an expression is no budget and is left alone.
 */
function parseBudget(task: ModdleElement, problems: BpmnProblem[]): StepBudget | null {
  const text = task.get('mc:budget') as string | undefined;
  if (text === undefined) return isoBudget(task.get('camunda:dueDate'));
  const budget = budgetFromText(text);
  if (!budget) {
    problems.push({
      elementId: task.id ?? null,
      message: `Step budget "${text}" must be like "3d" (working days) or "4h" (working hours)`,
    });
  }
  return budget;
}
