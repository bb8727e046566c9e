import lintingModule from 'bpmn-js-bpmnlint';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import './lint-colors.css';
import { LinkFlowsOnImport } from './link-flows.js';
import { LintingSetup } from './linting-setup.js';

/** The one rule set on the canvas (bpmn-js-bpmnlint), reading the diagram as deploy reads it. */
export default {
  __depends__: [lintingModule],
  __init__: ['motcuaLinkFlows', 'motcuaLintingSetup'],
  motcuaLinkFlows: ['type', LinkFlowsOnImport],
  motcuaLintingSetup: ['type', LintingSetup],
};
