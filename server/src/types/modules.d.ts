// Minimal typings for bpmn-io packages that ship none usable under NodeNext.
declare module 'bpmn-moddle' {
  export interface ModdleElement {
    $type: string;
    id?: string;
    name?: string;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
    [key: string]: unknown;
  }
  export interface ParseResult {
    rootElement: ModdleElement;
    elementsById: Record<string, ModdleElement>;
    warnings: { message: string; element?: ModdleElement }[];
    references: unknown[];
  }
  export default class BpmnModdle {
    constructor(packages?: Record<string, object>);
    fromXML(xml: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}

declare module 'bpmn-elements' {
  export class Timers {
    constructor(options?: {
      setTimeout?: (...args: unknown[]) => unknown;
      clearTimeout?: (ref: unknown) => unknown;
    });
    readonly executing: unknown[];
    register(owner: unknown): unknown;
    setTimeout(...args: unknown[]): unknown;
    clearTimeout(ref: unknown): void;
  }
}
