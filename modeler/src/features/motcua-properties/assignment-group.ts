import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { Role } from '@server/db/roles.schema.js';
import { locale, t, type MessageKey } from '../../../../client/src/i18n/index.js';
import {
  selectEntry,
  textEntry,
  type DiagramElement,
  type EntryDefinition,
  type GroupDefinition,
  type Option,
  type PanelServices,
} from './entries.js';
import { statusEntry } from './status-entry.js';

/** The roles a step may ask for (the engine accepts any of ROLES; these are the ones who work steps). */
const STEP_ROLES: Role[] = ['officer', 'leader', 'receptionist'];

/** mc:budget's syntax (bpmn-inspection.ts parseBudget): "4h" working hours, "3d" working days. */
const BUDGET = /^\s*(\d+(?:\.\d+)?)\s*(d|h)\s*$/;
const UNIT_OF: Record<string, 'h' | 'd'> = { hours: 'h', days: 'd' };

/** Who works a user task or a lane (department and role), and a task's budget and status. */
export function assignmentGroup(
  element: DiagramElement,
  services: PanelServices,
  disabled: boolean,
): GroupDefinition {
  const entries = [departmentEntry(element, services, disabled), roleEntry(element, services, disabled)];
  if (is(element, 'bpmn:UserTask')) {
    entries.push(...budgetEntries(element, services, disabled), statusEntry(element, services, disabled));
  }
  return { id: 'motcua-assignment', label: t('props.assignment'), entries };
}

function departmentEntry(
  element: DiagramElement,
  services: PanelServices,
  disabled: boolean,
): EntryDefinition {
  const current = () => (element.businessObject.get('mc:department') as string | undefined) ?? '';
  const options = (): Option[] => {
    const none = is(element, 'bpmn:UserTask') ? t('props.departmentFromLane') : t('props.departmentNone');
    const known = services.data.departments.map((d) => ({ value: d.code, label: `${d.name} (${d.code})` }));
    // A value set outside the panel (a list, a code since removed) stays visible rather than lost.
    const value = current();
    const unknown = value && !known.some((o) => o.value === value);
    return [
      { value: '', label: none },
      ...known,
      ...(unknown ? [{ value, label: t('props.departmentUnknown', { code: value }) }] : []),
    ];
  };
  return selectEntry({
    id: 'motcua-department',
    label: t('props.department'),
    disabled,
    get: current,
    set: (value) => services.modeling.updateProperties(element, { 'mc:department': value || undefined }),
    options,
  });
}

function roleEntry(element: DiagramElement, services: PanelServices, disabled: boolean): EntryDefinition {
  return selectEntry({
    id: 'motcua-role',
    label: t('props.role'),
    disabled,
    get: () => (element.businessObject.get('mc:role') as string | undefined) ?? '',
    set: (value) => services.modeling.updateProperties(element, { 'mc:role': value || undefined }),
    options: () => [
      { value: '', label: t('props.roleAny') },
      ...STEP_ROLES.map((role) => ({ value: role, label: t(`props.role.${role}` as MessageKey) })),
    ],
  });
}

function budgetEntries(
  element: DiagramElement,
  services: PanelServices,
  disabled: boolean,
): EntryDefinition[] {
  const parts = () => {
    const match = BUDGET.exec((element.businessObject.get('mc:budget') as string | undefined) ?? '');
    return { amount: match?.[1] ?? '', unit: match?.[2] ?? 'h' };
  };
  const write = (amount: string, unit: string) =>
    services.modeling.updateProperties(element, { 'mc:budget': amount ? `${amount}${unit}` : undefined });
  const amount = textEntry(services, {
    id: 'motcua-budget',
    label: t('props.budget'),
    description: t('props.budgetHint'),
    disabled,
    get: () => parts().amount.replace('.', locale.value === 'vi' ? ',' : '.'),
    set: (value) => write(value.trim().replace(',', '.'), parts().unit),
    validate: (value) =>
      value.trim() === '' || /^\d+(?:[.,]\d+)?$/.test(value.trim()) ? null : t('props.budgetInvalid'),
  });
  const unit = selectEntry({
    id: 'motcua-budget-unit',
    label: t('props.budgetUnit'),
    disabled: disabled || !parts().amount,
    get: () => parts().unit,
    set: (value) => write(parts().amount, value),
    options: () =>
      Object.entries(UNIT_OF).map(([name, value]) => ({
        value,
        label: t(`props.unit.${name}` as MessageKey),
      })),
  });
  return [amount, unit];
}
