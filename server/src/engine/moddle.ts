import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The moddle extensions every diagram is read with: Camunda's (so `camunda:candidateGroups`
 * from Camunda Modeler works) and ours (`mc:`), whose descriptor the modeler shares.
 */
export const moddleExtensions = {
  camunda: require('camunda-bpmn-moddle/resources/camunda.json') as object,
  mc: require('../../../processes/_schema/motcua.moddle.json') as object,
};

export const MOTCUA_NAMESPACE = 'https://motcua.vn/schema/bpmn/1.0';
