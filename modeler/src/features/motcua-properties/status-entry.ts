import { t, type MessageKey } from '../../../../client/src/i18n/index.js';
import { selectEntry, type DiagramElement, type EntryDefinition, type PanelServices } from './entries.js';

/** The national status codes (1 new … 10 result returned) a dossier takes at a step or event. */
const STATUSES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** mc:status: the status a dossier takes while a user task waits, or at an end or catch event. */
export function statusEntry(
  element: DiagramElement,
  services: PanelServices,
  disabled: boolean,
): EntryDefinition {
  return selectEntry({
    id: 'motcua-status',
    label: t('props.status'),
    disabled,
    get: () => {
      const status = element.businessObject.get('mc:status');
      return status === undefined || status === null ? '' : String(status);
    },
    set: (value) =>
      services.modeling.updateProperties(element, { 'mc:status': value ? Number(value) : undefined }),
    options: () => [
      { value: '', label: t('props.statusNone') },
      ...STATUSES.map((code) => ({ value: String(code), label: t(`props.status.${code}` as MessageKey) })),
    ],
  });
}
