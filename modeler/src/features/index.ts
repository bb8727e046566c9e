import type { ModuleDeclaration } from 'didi';
import { stepHistoryModule } from './step-history/index.js';
import { tokenSimulationModule } from './token-simulation/index.js';
import lintModule from './lint/index.js';
import { motcuaPropertiesModule } from './motcua-properties/index.js';
import { translateModule } from './translate/index.js';

/**
 * The bpmn-js extension modules the designer's modeler runs, each a folder of
 * `modeler/src/features/` in bpmn-io's module shape (its index.ts names its parts).
 */
export const modelerModules: ModuleDeclaration[] = [
  translateModule,
  motcuaPropertiesModule,
  lintModule,
  stepHistoryModule,
  tokenSimulationModule,
];

/** Moddle extensions beyond bpmn: ours (mc:), and Camunda's so its files keep their attributes. */
export { moddleExtensions } from './moddle-extensions.js';
