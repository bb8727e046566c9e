// bpmn-js-token-simulation ships no typings: its modeler entry is a didi module.
declare module 'bpmn-js-token-simulation/lib/modeler' {
  import type { ModuleDeclaration } from 'didi';
  const module: ModuleDeclaration;
  export default module;
}
