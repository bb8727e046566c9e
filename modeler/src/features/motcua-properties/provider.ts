import { is } from 'bpmn-js/lib/util/ModelUtil';
import type { DiagramElement, GroupDefinition, PanelServices } from './entries.js';
import { assignmentGroup } from './assignment-group.js';
import { outcomesGroup } from './outcomes-group.js';
import { fieldsGroups } from './fields-groups.js';
import { eventGroup } from './event-group.js';
import { procedureGroup } from './procedure-group.js';
import { procedureLists } from './procedure-lists.js';
import type { EditorData } from './editor-data.js';

// Below bpmn-js-properties-panel's BPMN provider (1000), so its groups are there to place ours after.
const PRIORITY = 500;

interface PropertiesPanel {
  registerProvider(priority: number, provider: MotcuaPropertiesProvider): void;
}

interface Injector {
  get<T>(name: string): T;
}

/** The panel's groups for mc: (who works a step, its budget, outcomes, fields, status) and the procedure. */
export class MotcuaPropertiesProvider {
  static $inject = ['propertiesPanel', 'injector'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly injector: Injector,
  ) {
    propertiesPanel.registerProvider(PRIORITY, this);
  }

  getGroups(element: DiagramElement) {
    return (groups: GroupDefinition[]): GroupDefinition[] => {
      const services = this.services();
      if (!services.data.editor) return groups;
      const ours = groupsFor(element, services, services.data.editor.readOnly);
      const general = groups.findIndex((g) => g.id === 'general');
      return [...groups.slice(0, general + 1), ...ours, ...groups.slice(general + 1)];
    };
  }

  private services(): PanelServices {
    const get = <T>(name: string) => this.injector.get<T>(name);
    return {
      modeling: get('modeling'),
      commandStack: get('commandStack'),
      bpmnFactory: get('bpmnFactory'),
      debounce: get('debounceInput'),
      translate: get('translate'),
      data: get<EditorData>('motcuaEditorData'),
    };
  }
}

function groupsFor(element: DiagramElement, services: PanelServices, readOnly: boolean): GroupDefinition[] {
  // The root is known by its process or collaboration, not by asking the canvas: asked while an
  // import clears it, the canvas adds an implicit root with no DI, and every saveXML then fails.
  if (is(element, 'bpmn:Process') || is(element, 'bpmn:Collaboration')) {
    return [procedureGroup(services, readOnly), ...procedureLists(services, readOnly)];
  }
  if (is(element, 'bpmn:Lane')) return [assignmentGroup(element, services, readOnly)];
  if (is(element, 'bpmn:UserTask')) {
    return [
      assignmentGroup(element, services, readOnly),
      outcomesGroup(element, services, readOnly),
      ...fieldsGroups(element, services, readOnly),
    ];
  }
  const groups: GroupDefinition[] = [];
  if (is(element, 'bpmn:EndEvent') || is(element, 'bpmn:IntermediateCatchEvent')) {
    groups.push(eventGroup(element, services, readOnly));
  }
  if (is(element, 'bpmn:StartEvent') || is(element, 'bpmn:IntermediateCatchEvent')) {
    groups.push(...fieldsGroups(element, services, readOnly));
  }
  return groups;
}
