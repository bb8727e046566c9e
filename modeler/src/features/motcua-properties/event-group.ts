import { is } from 'bpmn-js/lib/util/ModelUtil';
import { t } from '../../../../client/src/i18n/index.js';
import {
  textEntry,
  type DiagramElement,
  type EntryDefinition,
  type GroupDefinition,
  type ModdleObject,
  type PanelServices,
} from './entries.js';
import { statusEntry } from './status-entry.js';

/** What POST /api/dossiers/:code/messages may carry as a message name: a plain code. */
const MESSAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** An end or catch event's status, and a message catch event's message name. */
export function eventGroup(
  element: DiagramElement,
  services: PanelServices,
  disabled: boolean,
): GroupDefinition {
  const entries = [statusEntry(element, services, disabled)];
  const definition = messageDefinition(element);
  if (is(element, 'bpmn:IntermediateCatchEvent') && definition) {
    entries.push(messageEntry(element, definition, services, disabled));
  }
  return { id: 'motcua-event', label: t('props.event'), entries };
}

function messageDefinition(element: DiagramElement): ModdleObject | undefined {
  const definitions = (element.businessObject.get('eventDefinitions') as ModdleObject[] | undefined) ?? [];
  return definitions.find((d) => d.$type === 'bpmn:MessageEventDefinition');
}

function messageEntry(
  element: DiagramElement,
  definition: ModdleObject,
  services: PanelServices,
  disabled: boolean,
): EntryDefinition {
  const message = () => definition.get('messageRef') as ModdleObject | undefined;
  return textEntry(services, {
    id: 'motcua-message-name',
    label: t('props.messageName'),
    description: t('props.messageHint'),
    disabled,
    get: () => message()?.name ?? '',
    set: (name) => {
      const existing = message();
      if (existing) services.modeling.updateModdleProperties(element, existing, { name });
      else createMessage(element, definition, name, services);
    },
    validate: (name) => (MESSAGE_NAME.test(name) ? null : t('props.messageInvalid')),
  });
}

/** A new bpmn:Message in the definitions, referenced by the event: one command, one undo. */
function createMessage(
  element: DiagramElement,
  definition: ModdleObject,
  name: string,
  services: PanelServices,
): void {
  const definitions = definitionsOf(element.businessObject);
  const message = services.bpmnFactory.create('bpmn:Message', { name });
  message.$parent = definitions;
  services.commandStack.execute('properties-panel.multi-command-executor', [
    {
      cmd: 'element.updateModdleProperties',
      context: {
        element,
        moddleElement: definitions,
        properties: { rootElements: [...(definitions.get('rootElements') as ModdleObject[]), message] },
      },
    },
    {
      cmd: 'element.updateModdleProperties',
      context: { element, moddleElement: definition, properties: { messageRef: message } },
    },
  ]);
}

function definitionsOf(object: ModdleObject): ModdleObject {
  let current = object;
  while (current.$type !== 'bpmn:Definitions') current = current.$parent as ModdleObject;
  return current;
}
