import { ListGroup } from '@bpmn-io/properties-panel';
import { t } from '../../../../client/src/i18n/index.js';
import {
  splitList,
  textEntry,
  type DiagramElement,
  type GroupDefinition,
  type PanelServices,
  onAdd,
} from './entries.js';

/** An outcome is a FEEL string on the flows out of the step (`outcome = "approve"`): a plain code. */
const OUTCOME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** mc:outcomes, one item per outcome; the completing officer picks one of them. */
export function outcomesGroup(
  element: DiagramElement,
  services: PanelServices,
  disabled: boolean,
): GroupDefinition {
  const outcomes = splitList(element.businessObject.get('mc:outcomes'));
  const write = (list: string[]) =>
    services.modeling.updateProperties(element, { 'mc:outcomes': list.length ? list.join(',') : undefined });
  const items = outcomes.map((outcome, index) => ({
    id: `motcua-outcome-${index}`,
    label: outcome,
    autoFocusEntry: `motcua-outcome-${index}-code`,
    remove: disabled ? undefined : () => write(outcomes.filter((_, i) => i !== index)),
    entries: [
      textEntry(services, {
        id: `motcua-outcome-${index}-code`,
        label: t('props.outcome'),
        disabled,
        get: () => outcome,
        set: (value) => write(outcomes.map((o, i) => (i === index ? value.trim() : o))),
        validate: (value) => {
          if (!OUTCOME.test(value.trim())) return t('props.outcomeInvalid');
          return outcomes.some((o, i) => i !== index && o === value.trim()) ? t('props.outcomeTaken') : null;
        },
      }),
    ],
  }));
  return {
    id: 'motcua-outcomes',
    label: t('props.outcomes'),
    component: ListGroup,
    translate: services.translate,
    items,
    add: disabled ? undefined : onAdd(() => write([...outcomes, freshOutcome(outcomes)])),
  };
}

/** A code not yet taken, for the designer to rename at once (the new item takes the focus). */
function freshOutcome(taken: string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`outcome${n}`)) n += 1;
  return `outcome${n}`;
}
