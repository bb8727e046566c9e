import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import motcua from '../../../processes/_schema/motcua.moddle.json';

export const moddleExtensions = { mc: motcua, camunda };
