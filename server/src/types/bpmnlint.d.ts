// Minimal typings for bpmnlint's linter, its rules and bpmn-js-bpmnlint, as server and modeler use them.
declare module 'bpmnlint/rules/*' {
  const factory: (config?: unknown) => {
    check(
      node: import('bpmn-moddle').ModdleElement,
      reporter: { report(id: string | undefined, message: string): void },
    ): void;
  };
  export default factory;
}

declare module 'bpmnlint' {
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
  }
  export class Linter {
    constructor(options: { config: object; resolver: object });
    lint(root: unknown): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmn-js-bpmnlint' {
  const module: import('didi').ModuleDeclaration;
  export default module;
}
