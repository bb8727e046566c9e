import type { Department } from '@server/organisation/organisation.schema.js';
import type { EditorContext } from '../../canvas/editor-context.js';

interface EventBus {
  fire(event: string): void;
}

/**
 * What the mc: entries pick from and the procedure group writes to, beyond the diagram: the
 * server's departments and the editor's content. The side panel hands them over once loaded;
 * until then the provider adds no group of ours.
 */
export class EditorData {
  static $inject = ['eventBus'];
  departments: Department[] = [];
  editor: EditorContext | null = null;

  constructor(private readonly eventBus: EventBus) {}

  connect(editor: EditorContext, departments: Department[]): void {
    this.editor = editor;
    this.departments = departments;
    this.refresh();
  }

  /** Draws the panel again, e.g. after a list of facts grew or the form schema changed. */
  refresh(): void {
    this.eventBus.fire('propertiesPanel.providersChanged');
  }
}
