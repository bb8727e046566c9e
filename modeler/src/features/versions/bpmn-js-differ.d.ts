// Typings for what we use of bpmn-js-differ, which ships none.
declare module 'bpmn-js-differ' {
  export interface DiffedElement {
    $type: string;
    id: string;
    name?: string;
  }
  export interface Changes {
    _added: Record<string, DiffedElement>;
    _removed: Record<string, DiffedElement>;
    _changed: Record<string, { model: DiffedElement; attrs: Record<string, unknown> }>;
    _layoutChanged: Record<string, DiffedElement>;
  }
  export function diff(definitionsA: unknown, definitionsB: unknown): Changes;
}
